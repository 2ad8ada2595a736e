package org.frontline.testsupport;

import io.quarkus.logging.LoggingFilter;
import org.jboss.logmanager.ExtLogRecord;

import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * The test application's log handlers' filter ({@code %test.quarkus.log.*.filter=expected-faults}): while
 * a test injects a fault ({@link InjectedFaults}), a WARN or an ERROR is logged as a WARN that says it was
 * expected and why, with the exception's class instead of its stack trace. Outside an injected fault every
 * record passes untouched, so an ERROR line in the build's output is one to read.
 */
@LoggingFilter(name = "expected-faults")
public final class ExpectedFaultLog implements Filter {

    @Override
    public boolean isLoggable(LogRecord record) {
        if (record.getLevel().intValue() < Level.WARNING.intValue() || !(record instanceof ExtLogRecord ext)
                || (ext.getMessage() != null && ext.getMessage().startsWith(PREFIX))) {
            return true;
        }
        String fault = InjectedFaults.current(System.currentTimeMillis());
        if (fault == null) {
            return true;
        }
        StringBuilder text = new StringBuilder(PREFIX).append(fault).append("): ").append(ext.getFormattedMessage());
        if (ext.getThrown() != null) {
            text.append(" [").append(ext.getThrown().getClass().getName()).append(']');
            ext.setThrown(null);
        }
        ext.setMessage(text.toString(), ExtLogRecord.FormatStyle.NO_FORMAT);
        ext.setParameters(null);
        ext.setLevel(org.jboss.logmanager.Level.WARN);
        return true;
    }

    private static final String PREFIX = "expected, the test injected a fault (";
}
