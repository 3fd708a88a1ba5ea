# The solution of each step, as the learner would do it (lesson folder = home directory).
# Editor steps apply the step's solution manifest, as the editor's Apply button does.

# step: mc3
kubectl apply -f solution/mc3.yaml

# step: nodeport
kubectl expose pod mc3 --type=NodePort --port=80
kubectl get svc mc3
curl http://node01:$(kubectl get svc mc3 -o jsonpath='{.spec.ports[0].nodePort}')

# step: hostname
kubectl exec mc3 -c webapp -- hostname
kubectl exec mc3 -c nginx -- hostname

# step: clash
kubectl apply -f solution/clash.yaml
# predict: clash
kubectl logs clash -c web2 --previous

# step: many-ports
kubectl apply -f solution/multi.yaml
kubectl expose pod multi --name=multi-app --port=5000 --type=NodePort

# step: exercise
kubectl apply -f solution/duo.yaml
