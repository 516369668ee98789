package org.cortexlit.importing;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;

/** Counts the bytes an import has consumed from its file, for the progress bar (compressed bytes for .gz). */
final class Progress extends FilterInputStream {

    private final long total;
    private volatile long read;
    private volatile boolean cancelled;

    Progress(InputStream in, long total) {
        super(in);
        this.total = total;
    }

    /** 0..1000, or -1 when the size is unknown. */
    int permille() {
        return total <= 0 ? -1 : (int) Math.min(1000, read * 1000 / total);
    }

    /** Every read from now on fails, so a reader stops even inside one long record. */
    void cancel() {
        cancelled = true;
    }

    private void check() throws IOException {
        if (cancelled) {
            throw new InterruptedIOException("the import was cancelled");
        }
    }

    @Override
    public int read() throws IOException {
        check();
        int b = super.read();
        if (b >= 0) {
            read++;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        check();
        int n = super.read(b, off, len);
        if (n > 0) {
            read += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long s = super.skip(n);
        read += s;
        return s;
    }
}
