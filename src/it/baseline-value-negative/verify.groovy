def log = new File(basedir, 'build.log').text
def file = new File(basedir, 'performance-baselines.json')
def message = file.path + ':4:5: "api_gateway"."p95_latency_ms" is -8, but a latency cannot be negative; correct the value, or remove' +
        ' the key'
assert log.contains(':check (default) on project baseline-value-negative: ' + message + ' -> [Help 1]')
assert log.contains('BUILD FAILURE')
// the check stops before it judges or writes anything, and the user's file stays as it was
assert !log.contains('Locust verdict:')
assert !new File(basedir, 'target/locust/verdict.json').exists()
assert file.bytes == new File(basedir, 'performance-baselines.json.orig').bytes
