import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def dir = new File(basedir, 'target/locust/distributed')

assert log.contains(', 2 local workers (--processes); output in ')
def workers = log =~ /\[INFO\] distributed: 2 workers sent (\d+) requests; the master recorded (\d+)\./
assert workers.find()
int sent = workers.group(1) as int
assert sent > 0
assert workers.group(2) as int == sent

def finalStats = new JsonSlurper().parse(new File(dir, 'final-stats.json'))
assert finalStats.aggregated.num_requests == sent
assert finalStats.workers == 2
def console = new File(dir, 'locust.log').readLines().find { it =~ /^\s+Aggregated\s+\d+\s+\d+\(/ }
assert (console =~ /Aggregated\s+(\d+)/)[0][1] as int == sent
// each worker's own count, as it wrote it
def counts = new File(dir, '.locust-maven/workers').listFiles().collect { new JsonSlurper().parse(it).requests as int }
assert counts.size() == 2
assert counts.every { it > 0 }
assert counts.sum() == sent
assert log.contains('BUILD SUCCESS')
