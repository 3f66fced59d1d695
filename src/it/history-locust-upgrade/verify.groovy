// The history's api_gateway runs switch from Locust 2.43.4 to 2.47.0 at the fourth run; the results are 2.47.0's.
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log.contains('[INFO] api_gateway: Locust 2.43.4 -> 2.47.0: median semantics changed; history before run'
        + ' local-20261105T120000Z not compared')
// Services without a change in their history are not named.
assert !log.contains('[INFO] rag_service: Locust')

def page = new File(basedir, 'target/reports/locust-report.html')
assert page.isFile() : 'no target/reports/locust-report.html'
def html = page.getText('UTF-8')
def start = html.indexOf('<a id="segments-api_gateway">')
assert start >= 0 : 'no segment section for api_gateway'
def section = html.substring(start, html.indexOf('<a id="trend-api_gateway">'))
assert section.contains('<h3>Comparable segments</h3>')
assert section.contains('<td>2026-11-05 12:00 UTC</td>')
assert section.contains('<td>local-20261105T120000Z</td>')
assert section.contains('<td>Locust 2.43.4 -&gt; 2.47.0: median semantics changed</td>')
assert section.count('<tr') == 2
assert !html.contains('<a id="segments-rag_service">')
return true
