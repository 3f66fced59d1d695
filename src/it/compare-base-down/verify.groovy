// The base's command exits at once (it has no readiness check, so it counts as started): the change comes up, the
// base is found down before the first run, the build fails naming the base, the change is stopped, no Locust ran.
def log = new File(basedir, 'build.log').text

def order = ['[INFO] Starting the base system.', "[INFO] Started process 'base-app'", '[INFO] Starting the change system.',
             "[INFO] Started process 'change-app'", "[INFO] Stopped process 'change-app'",
             '[ERROR] Failed to execute goal dev.locustmaven:locust-maven-plugin:']
def at = order.collect { log.indexOf(it) }
assert at.every { it >= 0 } && at == at.sort(false) : [order, at].transpose().findAll { it[1] < 0 }

def logFile = new File(basedir, 'target/locust-processes/base-app.log')
assert log.contains(':compare (paired) on project compare-base-down: The base system is down before run 1 of 4 of shop'
        + ' (pair 1 of 2, the base); the comparison stops, and both systems are stopped: Process \'base-app\' exited with'
        + " code 3; see $logFile, which ends with:\n[ERROR] base: cannot open its jar\n")

// no Locust ran, nothing is left to judge, and check never started
assert !log.contains("Scenario 'shop'")
assert !log.contains('[INFO] Pair 1 of 2')
assert !new File(basedir, 'target/locust/compare/pairs.json').exists()
assert !log.contains(':check (paired)')
