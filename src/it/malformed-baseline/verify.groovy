def log = new File(basedir, 'build.log').text
def file = new File(basedir, 'performance-baselines.json')
assert log.contains(file.path + ":5:15: Unexpected character (',' (code 44)): was expecting double-quote to start field name")
assert !log.contains('[Source:')
assert log.contains('BUILD FAILURE')
// The build must not touch the user's file.
assert file.bytes == new File(basedir, 'performance-baselines.json.orig').bytes
assert !new File(basedir, 'target/locust/verdict.json').exists()
