import groovy.json.JsonSlurper
import javax.xml.parsers.DocumentBuilderFactory

// The run where api_gateway's p95 latency steps up (index 24 of SampleHistory), and its commit.
def stepRun = 'ci-1024-20261113T060000Z'
def stepCommit = 'b781607c37684fa8bd0305b0b7b2fb2d50ccb940'

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert !log.contains('[WARNING] docs/performance-trends.jsonl line')

def page = new File(basedir, 'target/site/locust-report.html')
assert page.isFile() : 'no target/site/locust-report.html'
def html = page.getText('UTF-8')

// The page is listed among the project reports as "Performance".
def reports = new File(basedir, 'target/site/project-reports.html').getText('UTF-8')
assert reports =~ /<a href="locust-report.html"[^>]*>Performance<\/a>/

// The verdict, as locust:check wrote it.
def verdict = new JsonSlurper().parse(new File(basedir, 'perf/verdict.json'))
assert html.contains("Verdict: <b>${verdict.verdict}</b>")
assert html.contains('<td>ci-1035-20261124T060000Z</td>')

// The trend table of the latest 20 runs, newest first, with the step run in it.
def recent = html.substring(html.indexOf('<a id="recent-api_gateway">'), html.indexOf('<a id="trend-api_gateway">'))
assert recent.contains('<h3>Latest 20 runs</h3>')
assert recent.count('<tr') == 1 + 20
assert recent.indexOf('<td>2026-11-24 06:00 UTC</td>') < recent.indexOf('<td>2026-11-13 06:00 UTC</td>')
assert recent.contains("<td>${stepCommit.substring(0, 10)}</td>")
assert recent.contains('<td>2026-11-05 06:00 UTC</td>')
assert !recent.contains('<td>2026-11-04 06:00 UTC</td>')

// The change point at the run and commit where the step began.
def changes = html.substring(html.indexOf('<a id="changes-api_gateway">'), html.indexOf('<a id="service-rag_service">'))
def p95Row = changes.split('<tr').find { it.contains('<td>p95_latency_ms</td>') }
assert p95Row != null : 'no change point of p95_latency_ms'
assert p95Row.contains("<td>${stepRun}</td>")
assert p95Row.contains("<td>${stepCommit}</td>")

// The chart is shown on the page, parses as SVG and marks the change point at that run.
assert html.contains('src="locust-report/api_gateway-p95_latency_ms.svg"')
def chart = new File(basedir, 'target/site/locust-report/api_gateway-p95_latency_ms.svg')
def factory = DocumentBuilderFactory.newInstance()
factory.namespaceAware = true
def svg = factory.newDocumentBuilder().parse(chart)
assert svg.documentElement.namespaceURI == 'http://www.w3.org/2000/svg'
assert svg.documentElement.localName == 'svg'
def groups = svg.getElementsByTagNameNS('http://www.w3.org/2000/svg', 'g')
def marked = (0..<groups.length).collect { groups.item(it) }.findAll { it.getAttribute('class') == 'change-point' }
assert marked.size() == 1
assert marked[0].getAttribute('data-run') == stepRun
def title = marked[0].getElementsByTagNameNS('http://www.w3.org/2000/svg', 'title').item(0).textContent
assert title.contains("starting with run ${stepRun}")
assert title.contains("commit ${stepCommit}")
// The standalone page (locust:report, bound to pre-site here): a whole plain page with its stylesheet and the same
// content, and its charts next to it in target/reports.
def standalone = new File(basedir, 'target/reports/locust-report.html')
assert standalone.isFile() : 'no target/reports/locust-report.html'
def plain = standalone.getText('UTF-8')
assert plain.startsWith('<!DOCTYPE html>')
assert plain.contains('<title>Performance</title>')
assert plain.contains('<style>')
assert plain.contains("Verdict: <b>${verdict.verdict}</b>")
assert plain.contains('<h3>Latest 20 runs</h3>')
assert plain.contains('src="locust-report/api_gateway-p95_latency_ms.svg"')
assert new File(basedir, 'target/reports/locust-report/api_gateway-p95_latency_ms.svg').isFile()
return true

// locust.skip leaves the Performance page in the site: only locust.report.skip removes it
assert !log.contains('Skipping locust:report')

// "Keeping mvn site quick" (docs/site-report.md): with project-info-reports limited to index, the site is the start
// page and the Performance page, and no dependency report was made
def pages = new File(basedir, 'target/site').listFiles().findAll { it.name.endsWith('.html') }.collect { it.name }.sort()
assert pages == ['index.html', 'locust-report.html', 'project-reports.html'] : pages
assert !log.contains('"Dependencies" report') && !new File(basedir, 'target/site/dependencies.html').exists()
