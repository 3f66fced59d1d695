def log = new File(basedir, 'build.log').text
def file = new File(basedir, 'performance-baselines.json')
def message = file.path + ':4:5: "api_gateway"."p95_latency_ms" is "fast", a string, but threshold #1 (warning +20% / fail +50%)' +
        " compares it as a number with the run's 16 ms; write the accepted number there, or remove the key"
assert log.contains(':check (default) on project baseline-value-string: ' + message + ' -> [Help 1]')
assert log.contains('BUILD FAILURE')
// the check stops before it judges or writes anything, and the user's file stays as it was
assert !log.contains('Locust verdict:')
assert !new File(basedir, 'target/locust/verdict.json').exists()
assert file.bytes == new File(basedir, 'performance-baselines.json.orig').bytes
