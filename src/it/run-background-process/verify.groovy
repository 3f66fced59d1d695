def log = new File(basedir, 'build.log').text
// the free port build-helper reserved for the demo service
def port = (log =~ /\[INFO\] Reserved port (\d+) for demo\.port/)[0][1]

def started = log =~ /\[INFO\] Started process 'demo-service' \(pid (\d+)\): python3 server\.py ${port}; output in (.*)/
assert started.find()
long pid = started.group(1) as long
def processLog = new File(started.group(2).trim())
assert processLog == new File(basedir, 'target/locust-processes/demo-service.log')

// the machine is calibrated before the system under test starts, so that its start-up is not measured as load
def order = ["[INFO] Machine calibration: CPU loop ",
             "[INFO] Started process 'demo-service' (pid ${pid})",
             "[INFO] Process 'demo-service' is ready.",
             "[INFO] Waiting up to 30s for http://127.0.0.1:${port}/fast",
             "[INFO] Scenario 'demo': Locust 2.47.0 (",
             "[INFO] demo: ",
             "[INFO] Stopped process 'demo-service' (pid ${pid})."].collect { log.indexOf(it.toString()) }
assert order.every { it >= 0 } : order
assert order == order.sort(false) : order

assert !ProcessHandle.of(pid).map { it.isAlive() }.orElse(false)
def served = processLog.text
assert served.contains("demo service ready on port ${port}")
assert served.contains('"GET /fast HTTP/1.1" 200')
assert log.contains('BUILD SUCCESS')
