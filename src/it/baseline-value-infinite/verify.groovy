def log = new File(basedir, 'build.log').text
def file = new File(basedir, 'performance-baselines.json')
def message = file.path + ':6:5: "api_gateway"."rps" is 1E+999, which is not a finite number; correct the value, or remove the key'
assert log.contains(':check (default) on project baseline-value-infinite: ' + message + ' -> [Help 1]')
assert log.contains('BUILD FAILURE')
// the check stops before it judges or writes anything, and the user's file stays as it was
assert !log.contains('Locust verdict:')
assert !new File(basedir, 'target/locust/verdict.json').exists()
assert file.bytes == new File(basedir, 'performance-baselines.json.orig').bytes
