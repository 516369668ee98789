package org.cortexlit.importing.eutils;

import org.cortexlit.concurrent.Daemons;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Bounds the wait for each read of a response body. HttpClient's request timeout ends when the headers arrive;
 * a connection that then goes quiet would block the weekly job forever. Closing the body from another thread
 * is what unblocks a pending read (checked on JDK 17), so each read arms a close for {@code idle} later and
 * disarms it when bytes come.
 */
final class StallGuard extends FilterInputStream {

    /** One daemon thread for all clients: it only ever closes streams, and must not keep the JVM alive. */
    private static final ScheduledThreadPoolExecutor WATCHDOG = watchdog();

    private final Duration idle;
    private volatile boolean stalled;

    private StallGuard(InputStream in, Duration idle) {
        super(in);
        this.idle = idle;
    }

    static InputStream guard(InputStream in, Duration idle) {
        return new StallGuard(in, idle);
    }

    private static ScheduledThreadPoolExecutor watchdog() {
        ScheduledThreadPoolExecutor e = new ScheduledThreadPoolExecutor(1, Daemons.named("eutils-stall-guard"));
        e.setRemoveOnCancelPolicy(true);
        return e;
    }

    @Override
    public int read() throws IOException {
        ScheduledFuture<?> alarm = arm();
        try {
            return super.read();
        } catch (IOException e) {
            throw stalled ? stalledException(e) : e;
        } finally {
            alarm.cancel(false);
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        ScheduledFuture<?> alarm = arm();
        try {
            return super.read(b, off, len);
        } catch (IOException e) {
            throw stalled ? stalledException(e) : e;
        } finally {
            alarm.cancel(false);
        }
    }

    private ScheduledFuture<?> arm() throws IOException {
        if (stalled) {
            throw stalledException(null);
        }
        return WATCHDOG.schedule(() -> {
            stalled = true;
            try {
                in.close();
            } catch (IOException ignored) {
                // Closing is only a way to wake the reader; it will report the stall.
            }
        }, idle.toNanos(), TimeUnit.NANOSECONDS);
    }

    private IOException stalledException(IOException cause) {
        return new IOException("NCBI sent nothing for " + idle.toMillis() + " ms in the middle of the answer", cause);
    }
}
