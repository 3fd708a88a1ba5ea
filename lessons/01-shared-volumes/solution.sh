# The solution of each step, as the learner would do it (lesson folder = home directory).
# Editor steps apply the step's solution manifest, as the editor's Apply button does.

# step: mc1
kubectl apply -f solution/mc1.yaml

# step: inside
kubectl exec mc1 -c 1st -- cat /usr/share/nginx/html/index.html
kubectl exec mc1 -c 2nd -- cat /html/index.html

# step: log-writer-reader
kubectl apply -f solution/log-writer-reader.yaml
# predict: log-writer-reader
kubectl logs log-writer-reader -c log-reader
kubectl get pod log-writer-reader -o jsonpath='{.spec.volumes[0]}'

# step: restart
kubectl apply -f start/scratch.yaml
sleep 5
kubectl exec scratch -- sh -c 'echo kept > /data/note; echo lost > /tmp/note'
kubectl exec scratch -- sh -c 'kill 1'
sleep 5
kubectl get pod scratch
kubectl exec scratch -- cat /data/note
kubectl exec scratch -- cat /tmp/note

# step: delete
kubectl delete pod scratch
kubectl apply -f start/scratch.yaml
sleep 5
kubectl exec scratch -- ls /data

# step: exercise
kubectl apply -f solution/notes.yaml
