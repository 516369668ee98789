package org.cortexlit.importing;

import org.cortexlit.formats.ReadEvent;
import org.cortexlit.formats.RecordFormat;
import org.cortexlit.formats.RecordFormatException;
import org.cortexlit.formats.RecordReader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** The reading thread of an import: batches in the file's order, the end, a fault and a stop, and closing early. */
class ReadAheadTest {

    /** Records 1..count (as Invalid events, which need no citation), then a fault when {@code faultAfter} is reached. */
    static final class Numbers implements RecordReader {
        final int count;
        final int faultAfter;
        final AtomicInteger read = new AtomicInteger();

        Numbers(int count, int faultAfter) {
            this.count = count;
            this.faultAfter = faultAfter;
        }

        @Override
        public RecordFormat format() {
            return RecordFormat.PUBMED_XML;
        }

        @Override
        public ReadEvent next() throws IOException {
            int n = read.get() + 1;
            if (n > faultAfter) {
                throw new RecordFormatException("malformed XML in record " + n, n);
            }
            if (n > count) {
                return null;
            }
            read.set(n);
            return new ReadEvent.Invalid(n, String.valueOf(n), "test");
        }

        @Override
        public void close() {
        }
    }

    static List<ReadAhead.Item> drain(ReadAhead ahead) throws InterruptedException {
        List<ReadAhead.Item> items = new ArrayList<>();
        ReadAhead.Item item;
        do {
            item = ahead.take();
            items.add(item);
        } while (item instanceof ReadAhead.Batch);
        return items;
    }

    @Test
    void batchesComeInTheFilesOrderWithTheirRecordNumbersOffset() throws Exception {
        List<ReadAhead.Item> items;
        try (ReadAhead ahead = new ReadAhead(new Numbers(25, Integer.MAX_VALUE), 10, 100, () -> false, "test-read")) {
            items = drain(ahead);
        }
        assertEquals(4, items.size(), "two full batches, the rest, the end");
        List<Integer> numbers = new ArrayList<>();
        for (ReadAhead.Item item : items.subList(0, 3)) {
            ((ReadAhead.Batch) item).events().forEach(e -> numbers.add(e.recordNumber()));
        }
        assertEquals(101, numbers.get(0));
        assertEquals(125, numbers.get(24));
        assertEquals(25, numbers.size());
        assertTrue(((ReadAhead.Batch) items.get(0)).full());
        assertEquals(110, ((ReadAhead.Batch) items.get(0)).lastRecord());
        assertFalse(((ReadAhead.Batch) items.get(2)).full(), "the file's last batch is short");
        ReadAhead.End end = (ReadAhead.End) items.get(3);
        assertNull(end.fault());
        assertFalse(end.stopped());
    }

    @Test
    void aFaultHandsOverTheRecordsReadBeforeIt() throws Exception {
        List<ReadAhead.Item> items;
        try (ReadAhead ahead = new ReadAhead(new Numbers(100, 13), 10, 0, () -> false, "test-read")) {
            items = drain(ahead);
        }
        assertEquals(3, items.size());
        assertEquals(3, ((ReadAhead.Batch) items.get(1)).events().size(), "records 11-13, read before the fault");
        ReadAhead.End end = (ReadAhead.End) items.get(2);
        assertInstanceOf(RecordFormatException.class, end.fault());
        assertEquals(13, end.lastRecord());
    }

    @Test
    void aStopEndsReadingAfterTheRecordInHand() throws Exception {
        Numbers reader = new Numbers(1000, Integer.MAX_VALUE);
        List<ReadAhead.Item> items;
        try (ReadAhead ahead = new ReadAhead(reader, 10, 0, () -> reader.read.get() >= 15, "test-read")) {
            items = drain(ahead);
        }
        assertEquals(15, reader.read.get());
        assertEquals(5, ((ReadAhead.Batch) items.get(1)).events().size());
        assertTrue(((ReadAhead.End) items.get(2)).stopped());
    }

    @Test
    void readingAheadIsBoundedAndClosingStopsTheThread() {
        Numbers reader = new Numbers(1_000_000, Integer.MAX_VALUE);
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            ReadAhead ahead = new ReadAhead(reader, 10, 0, () -> false, "test-read");
            ahead.take();
            // the reader fills the queue and then waits for room: its count stops moving
            AtomicInteger last = new AtomicInteger(-1);
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                    .until(() -> last.getAndSet(reader.read.get()) == reader.read.get());
            assertTrue(reader.read.get() <= 10 * (ReadAhead.AHEAD + 3),
                    "read ahead by at most the queue and the batch in hand, not " + reader.read.get());
            ahead.close(); // returns only once the reading thread has ended
            int atClose = reader.read.get();
            Thread.sleep(100);
            assertEquals(atClose, reader.read.get(), "nothing is read after close");
        });
    }
}
