package org.cortexlit.importing;

import org.cortexlit.concurrent.Daemons;
import org.cortexlit.formats.ReadEvent;
import org.cortexlit.formats.RecordReader;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Reads a file's records into batches on a thread of its own while the import's thread writes the batches before
 * them, so parsing and the database transaction use both cores instead of taking turns on one. At most
 * {@link #AHEAD} batches wait, which bounds the memory read ahead. The reader is used by the reading thread only,
 * and {@link #close()} returns once that thread has stopped, so the caller may close the reader after it.
 */
final class ReadAhead implements AutoCloseable {

    /** Batches read and not yet taken; two keep the writer busy while the reader finishes the next. */
    static final int AHEAD = 2;

    /** What the reading thread hands over, in the file's order. */
    sealed interface Item permits Batch, End {
    }

    /**
     * Events in the file's order, record numbers already offset; {@code full} when the batch reached the batch
     * size (the last batch of a file, or the one cut short by a stop or a fault, is not).
     */
    record Batch(List<ReadEvent> events, int lastRecord, boolean full) implements Item {
    }

    /**
     * The end of the records: at the end of the file ({@code fault} null, {@code stopped} false), at a stop asked for
     * by the caller ({@code stopped}), or at a fault of the reader, with the last record number read before it.
     */
    record End(Throwable fault, boolean stopped, int lastRecord) implements Item {
    }

    private final BlockingQueue<Item> queue = new ArrayBlockingQueue<>(AHEAD + 1);
    private final Thread thread;
    private volatile boolean closed;

    /**
     * Starts reading at once.
     *
     * @param stop asked after every record; when it answers true, reading ends with what was read so far
     */
    ReadAhead(RecordReader reader, int batchSize, int recordOffset, BooleanSupplier stop, String threadName) {
        this.thread = Daemons.start(threadName, () -> read(reader, batchSize, recordOffset, stop));
    }

    /** The next batch, or the end; blocks while the reading thread is behind. */
    Item take() throws InterruptedException {
        return queue.take();
    }

    private void read(RecordReader reader, int batchSize, int recordOffset, BooleanSupplier stop) {
        List<ReadEvent> batch = new ArrayList<>(batchSize);
        int last = recordOffset;
        try {
            ReadEvent event;
            while (!closed && (event = reader.next()) != null) {
                last = event.recordNumber() + recordOffset;
                batch.add(offset(event, recordOffset));
                if (batch.size() >= batchSize) {
                    hand(new Batch(batch, last, true));
                    batch = new ArrayList<>(batchSize);
                }
                if (stop.getAsBoolean()) {
                    handRest(batch, last);
                    hand(new End(null, true, last));
                    return;
                }
            }
            handRest(batch, last);
            hand(new End(null, false, last));
        } catch (Throwable t) { // handed to the writer, which says what it means for the run
            try {
                handRest(batch, last); // records read before a fault are whole: the writer keeps them
                hand(new End(t, false, last));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void handRest(List<ReadEvent> batch, int last) throws InterruptedException {
        if (!batch.isEmpty()) {
            hand(new Batch(batch, last, false));
        }
    }

    /** Waits for room in the queue; gives up once the writer has closed this. */
    private void hand(Item item) throws InterruptedException {
        while (!closed) {
            if (queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                return;
            }
        }
    }

    static ReadEvent offset(ReadEvent e, int by) {
        if (by == 0) {
            return e;
        }
        if (e instanceof ReadEvent.Parsed p) {
            return new ReadEvent.Parsed(p.recordNumber() + by, p.record());
        } else if (e instanceof ReadEvent.Deleted d) {
            return new ReadEvent.Deleted(d.recordNumber() + by, d.pmids());
        } else if (e instanceof ReadEvent.Invalid i) {
            return new ReadEvent.Invalid(i.recordNumber() + by, i.pmid(), i.reason());
        }
        return e;
    }

    /** Stops the reading thread (after the record it is reading) and waits for it, dropping batches not taken. */
    @Override
    public void close() {
        closed = true;
        queue.clear();
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
