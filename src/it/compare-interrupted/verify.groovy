// Ctrl-C on `mvn verify` with locust:compare. This script plays the user: it builds this project with `mvn verify`
// (the Maven that runs the invoker, with the ITs' local repository and settings) in the background, waits until the
// change's Locust run of pair 1 is under way, sends SIGINT to that Maven's JVM, and checks that the build ended at
// once, that Locust and both systems are gone, and what the log says. Whatever the outcome, nothing of that build is
// left running. Only the JVM gets the signal (a terminal's Ctrl-C also reaches Maven's children, which may then end
// by themselves): the plugin alone has to stop Locust and both systems.
import java.util.concurrent.TimeUnit

def logFile = new File(basedir, 'interrupted-build.log')
def settings = new File(basedir.parentFile, 'interpolated-settings.xml')
assert settings.isFile()
def mvn = new File(System.getProperty('maven.home'), 'bin/mvn')
// A build started in the background of a non-interactive shell (as CI may start this one) inherits SIGINT ignored, and
// a JVM that starts so never reacts to Ctrl-C; python3 (which Locust needs anyway) restores the default and execs mvn,
// which execs java, so the pid stays the JVM's.
def restoreSigint = 'import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execv(sys.argv[1], sys.argv[1:])'
def build = new ProcessBuilder('python3', '-c', restoreSigint, mvn.path, '-B', '-s', settings.path,
        "-Dmaven.repo.local=${localRepositoryPath}", 'verify')
        .directory(basedir).redirectErrorStream(true).redirectOutput(logFile).start()

def seconds = { long since -> (System.nanoTime() - since) / 1e9 }
def log = { logFile.text }
// waits until the build's log matches, failing with the log when the build ends or the time is up
def awaitLog = { pattern, int timeoutSeconds ->
    long since = System.nanoTime()
    while (!(log() =~ pattern).find()) {
        assert build.isAlive() : "the build ended before its log matched /${pattern}/:\n" + log()
        assert seconds(since) < timeoutSeconds : "no line matching /${pattern}/ within ${timeoutSeconds}s:\n" + log()
        sleep 200
    }
}
// the processes of this build: its services are started with --port PORT, Locust with -H http://127.0.0.1:PORT
def ports = []
def ofThisBuild = {
    ProcessHandle.allProcesses().filter { p ->
        def args = p.info().commandLine().orElse('')
        ports.any { args.contains("--port ${it} ") || args.endsWith("--port ${it}") || args.contains("127.0.0.1:${it}") }
    }.toList()
}
def commandLine = { ProcessHandle p -> p.info().commandLine().orElse('') }
try {
    awaitLog(/\[INFO\] Reserved port \d+ for change\.port/, 120)
    def basePort = (log() =~ /\[INFO\] Reserved port (\d+) for base\.port/)[0][1]
    def changePort = (log() =~ /\[INFO\] Reserved port (\d+) for change\.port/)[0][1]
    ports << basePort << changePort
    // the change's run of pair 1 has reported its first 5 seconds: both systems are up and Locust loads the change
    awaitLog(/\[INFO\] Pair 1 of 2 of shop: change \(run 2 of 4\)[\s\S]*\[INFO\] shop: 0:05 of 0:30, /, 180)
    def running = ofThisBuild()
    def base = running.find { commandLine(it).contains("paired_service.py --port ${basePort} --name base") }
    def change = running.find { commandLine(it).contains("paired_service.py --port ${changePort} --name change") }
    def locust = running.find { commandLine(it).contains("-H http://127.0.0.1:${changePort} ") }
    assert base && change && locust && running.size() == 3 : running.collect(commandLine)

    // `mvn` execs java, so the signal goes to the JVM that runs the build, as Ctrl-C's does, which must not ignore it
    def jvm = ProcessHandle.of(build.pid()).get()
    assert jvm.info().command().orElse('').endsWith('/java') : jvm.info()
    def ignored = new File("/proc/${build.pid()}/status").readLines().find { it.startsWith('SigIgn:') }
    assert ignored == null || (Long.parseLong(ignored.split()[1], 16) & 2) == 0 : 'the build was started with SIGINT ignored'
    long signalled = System.nanoTime()
    assert ['kill', '-INT', build.pid() as String].execute().waitFor() == 0
    assert build.waitFor(60, TimeUnit.SECONDS) : 'the build was still running 60s after SIGINT:\n' + log()
    def stoppedIn = seconds(signalled)
    def left = ofThisBuild()
    println "SIGINT sent to the build (pid ${build.pid()}) 5s into the change's run of 30s; it ended ${stoppedIn}s later" +
            " with exit code ${build.exitValue()}; still running: ${left.collect(commandLine)}"

    // Locust and both systems are gone, and the build ended at once, not after the 25s the run had left
    assert left.isEmpty() : left.collect(commandLine)
    assert [base, change, locust].every { !it.isAlive() }
    assert stoppedIn < 15
    assert build.exitValue() == 130 // 128 + SIGINT: the JVM ended through its shutdown hooks

    def text = log()
    def changeRun = new File(basedir, 'target/locust/compare/change-1/shop')
    def order = [
            "[INFO] Started process 'base-app' (pid ${base.pid()}): ",
            "[INFO] Started process 'change-app' (pid ${change.pid()}): ",
            '[INFO] Pair 1 of 2 of shop: base (run 1 of 4)',
            '[INFO] Pair 1 of 2 of shop: change (run 2 of 4)',
            "host http://127.0.0.1:${changePort}; output in ${changeRun}",
            '[INFO] shop: 0:05 of 0:30, 3 users, ',
            "[WARNING] The build was interrupted; stopping Locust of scenario 'shop'.",
            "; stopped because the build was interrupted; results are partial. Results in ${changeRun}",
            "[WARNING] Scenario 'shop' was stopped because the build was interrupted; results are partial: ",
            "[INFO] Stopped process 'change-app' (pid ${change.pid()}).",
            "[INFO] Stopped process 'base-app' (pid ${base.pid()})."]
    int from = 0
    order.each { line ->
        int at = text.indexOf(line.toString(), from)
        assert at >= 0 : "not found after position ${from}: ${line}\n" + text
        from = at + 1
    }
    // no further run, and nothing judged
    assert !text.contains('(run 3 of 4)') && !text.contains('Compared 2 pairs') && !text.contains(':check (paired)')
} finally {
    if (build.isAlive()) {
        build.destroyForcibly()
        build.waitFor(30, TimeUnit.SECONDS)
    }
    ofThisBuild().each { it.destroyForcibly() }
}
