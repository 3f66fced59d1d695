// Two modules checked at once by a parallel build append to one history: two records, two run ids.
def log = new File(basedir, 'build.log').text
def history = new File(basedir, 'target/performance-trends.jsonl')
assert log.contains('Using the MultiThreadedBuilder implementation with a thread count of 2') : 'not a parallel build'

def slurper = new groovy.json.JsonSlurper()
def ids = history.readLines().findAll { it.trim() }.collect { slurper.parseText(it).run_id }
assert ids.size() == 2 : ids
assert ids.unique(false).size() == 2 : ids
// each check names the id it recorded and the records the history held right after
def recorded = (log =~ /\[INFO\] Recorded run (\S+) in (.+) \((\d) records? in the history\)/).collect { it[1..3] }
assert recorded.collect { it[0] } as Set == ids as Set : recorded
assert recorded.every { new File(it[1]) == history } : recorded
assert recorded.collect { it[2] } as Set == ['1', '2'] as Set : recorded
assert log.contains('BUILD SUCCESS') : 'the build failed'
