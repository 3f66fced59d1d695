def log = new File(basedir, 'build.log').text

assert log.contains("[ERROR] Failed to execute goal dev.locustmaven:locust-maven-plugin:")
assert log.contains(":run (load) on project run-no-locust: No Locust found: neither locustExecutable nor"
        + " locustVersion is set, and there is no 'locust' on the PATH. Set locustVersion (for example"
        + " -Dlocust.locustVersion=2.47.0) to let the plugin install Locust into a cached virtual environment, or"
        + " install Locust (pip install locust), or set locustExecutable to its path.")
assert !new File(basedir, 'target/locust').exists()
