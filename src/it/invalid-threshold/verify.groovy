def log = new File(basedir, 'build.log').text
assert log.contains('Invalid locust-maven-plugin configuration:')
assert log.contains("[ERROR]   - threshold #2 (service api_gateway, metric rps): fail 'about 40 percent' is not a threshold level; expected a relative change (+20%, -20%), an absolute change (+0.5, -3) or a limit (> 1, >= 800, < 100, <= 5, == 0, != 0, == true, == false)")
assert log.contains('BUILD FAILURE')
assert new File(basedir, 'performance-baselines.json').bytes == new File(basedir, 'performance-baselines.json.orig').bytes
assert !new File(basedir, 'target/locust/verdict.json').exists()
