// locust:baseline refuses a run that is no measurement and writes no baseline.
def log = new File(basedir, 'build.log').text
def results = new File(basedir, 'target/locust')
def baseline = new File(basedir, 'performance-baselines.json')

def stopped = log =~ /\[INFO\] orders: (\d+) requests, (\d+) failed \(100\.00%\), .*; exit code 42; stopped by the plugin after nothing but failures; results are partial\./
assert stopped.find() : 'the run was not stopped early'
long requests = stopped.group(1) as long
String message = "Not promoting the results in ${results.path} to the baseline: orders is no measurement: all ${requests} requests failed, most often GET /orders with \"ConnectionRefusedError(111, 'Connection refused')\" (${requests} times); the run goal stopped it after 3s of nothing but failures (failureOnlyTimeout). locust:baseline promotes only a run that measured every service; fix the cause, run again, and promote that run. Nothing was written to ${baseline.path}."
assert log.contains(':baseline (default-cli) on project baseline-host-down: ' + message + ' -> [Help 1]\n') : 'no refusal'
assert !log.contains('Baseline written to') : 'a baseline was written'
assert !baseline.exists()
