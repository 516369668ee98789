package org.cortexlit.formats;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Remembers the first I/O failure of the stream below. The JDK's StAX parser turns a read failure into a
 * bare "Premature end of file", which would blame the XML for what is really a cut gzip download; the reader
 * asks this stream what actually happened.
 */
final class FaultRecordingInputStream extends FilterInputStream {

    private IOException fault;

    FaultRecordingInputStream(InputStream in) {
        super(in);
    }

    IOException fault() {
        return fault;
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (IOException e) {
            throw record(e);
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            return in.read(b, off, len);
        } catch (IOException e) {
            throw record(e);
        }
    }

    @Override
    public long skip(long n) throws IOException {
        try {
            return super.skip(n);
        } catch (IOException e) {
            throw record(e);
        }
    }

    private IOException record(IOException e) {
        if (fault == null) {
            fault = e;
        }
        return e;
    }
}
