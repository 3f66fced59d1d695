#!/bin/bash
# A quiet history, then builds on a busy machine: does the calibration tell the machine apart, without hiding a
# regression? Run from the repository root after a quiet campaign, e.g.
#   bash benchmarks/hostile/machine-noise.sh target/hostile-quiet-5run 55249
# (the campaign's work directory and the port it used, from the command line in its logs).
W=$(realpath ${1:-target/hostile-quiet-5run})
PORT=${2:-55249}
P=$W/project
OUT=$(pwd)/target/machine-noise
mkdir -p $OUT
python3 -c 'while True: pass' & H1=$!
python3 -c 'while True: pass' & H2=$!
trap "kill $H1 $H2" EXIT
run() { # name slowdown endpoint
  cp $W/history-after-aa.jsonl $P/docs/performance-trends.jsonl
  rm -rf $P/target
  ./mvnw -B -f $P/pom.xml verify -Pperf -Dhostile.port=$PORT -Dhostile.slowdown=$2 -Dlocust.minHistory=10 -Dhostile.endpoint=$3 -Dmaven.repo.local=$W/m2 -Dmaven.repo.local.tail=$HOME/.m2/repository > $OUT/$1.log 2>&1
  echo "$1 exit=$? $(grep -o 'Locust verdict: [A-Z]*' $OUT/$1.log | tail -1) | $(grep -c 'Machine slower than usual, not counted' $OUT/$1.log) reclassified | $(grep -o 'This machine was slower than usual: CPU loop [0-9.]* ms vs [0-9.]* ms' $OUT/$1.log | head -1) | index: $(grep -E '^\[(ERROR|WARNING)\] (FAIL|WARN) rag_service index_p95_ms' $OUT/$1.log | cut -c1-60 | head -1)" | tee -a $OUT/summary.txt
}
for i in 1 2 3 4 5 6 7 8; do run aa-$i 1.0 none; done
for i in 1 2 3 4 5; do run ab-x2-$i 2.0 index; done
cp $W/history-after-aa.jsonl $P/docs/performance-trends.jsonl
echo machine-noise-done >> $OUT/summary.txt
