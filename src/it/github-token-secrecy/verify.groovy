def token = 'ghp_itTokenThatMustNeverBeWritten0000000001'
def log = new File(basedir, 'build.log').text
// The regression fails the build; GitHub being unreachable is only a warning.
assert log.contains('Performance regression: 1 check failed.')
assert log.contains('[WARNING] Regression issue not updated: GET http://127.0.0.1:9/repos/example/shop/issues?state=open&labels=performance%2Cregression%2Cci&per_page=100&page=1 failed: ConnectException (after 4 attempts)')
// The step summary got the Markdown report.
def summary = new File(basedir, 'target/step-summary.md')
assert summary.text.contains('## Locust performance check: FAIL')
// Not one file the build wrote, nor its log, holds the token.
def checked = 0
basedir.eachFileRecurse(groovy.io.FileType.FILES) { file ->
    if (!(file.name in ['invoker.properties', 'verify.groovy'])) {
        assert !file.getText('ISO-8859-1').contains(token) : "${file} contains the token"
        checked++
    }
}
assert checked >= 5
