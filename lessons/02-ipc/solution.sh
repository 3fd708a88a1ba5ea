# The solution of each step, as the learner would do it (lesson folder = home directory).
# Editor steps apply the step's solution manifest, as the editor's Apply button does.

# step: mc2
kubectl apply -f solution/mc2.yaml
# predict: mc2

# step: logs
kubectl logs mc2 -c producer
kubectl logs mc2 -c consumer
kubectl get pod mc2 -o jsonpath='{.status.phase}'

# step: race
kubectl apply -f solution/mc2-race.yaml
# predict: race
kubectl logs mc2-race -c consumer

# step: wait-loop
kubectl apply -f solution/mc2-wait.yaml

# step: sidecar
kubectl apply -f solution/mc2-init.yaml

# step: exercise
kubectl apply -f solution/handoff.yaml
