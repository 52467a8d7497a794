package io.gatedesk.gatewaylog;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Collects items into batches and writes each on a thread of its own while the caller reads and guards the next ones,
 * through a short bounded queue, so that the parser and the database both keep busy. A failure on either side stops
 * the other: the writer's exception comes back to the caller at its next hand-over, and an interrupted caller (a
 * shutdown) gets a {@link CancellationException}; closing the writer early drops what is still queued.
 */
final class BackgroundBatchWriter<T> implements AutoCloseable {

    /** The end-of-input marker, recognised by identity. */
    private final List<T> end = new ArrayList<>();
    private final int batchSize;
    private final BlockingQueue<List<T>> queue;
    private final Consumer<List<T>> write;
    private final Thread thread;
    private volatile RuntimeException failure;
    private List<T> batch;

    BackgroundBatchWriter(String name, int batchSize, int queuedBatches, Consumer<List<T>> write) {
        this.batchSize = batchSize;
        this.batch = new ArrayList<>(batchSize);
        this.queue = new ArrayBlockingQueue<>(queuedBatches);
        this.write = write;
        this.thread = new Thread(this::drain, name);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Adds an item; a full batch is handed to the writer, waiting while the queue is full. */
    void add(T item) {
        batch.add(item);
        if (batch.size() >= batchSize) {
            hand(batch);
            batch = new ArrayList<>(batchSize);
        }
    }

    private void hand(List<T> batch) {
        try {
            while (!queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                rethrowFailure();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while handing over a batch");
        }
        rethrowFailure();
    }

    /** Hands over the last batch and waits until every batch is written; rethrows what went wrong in the writer. */
    void finish() {
        if (!batch.isEmpty()) {
            hand(batch);
        }
        hand(end);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while the last batches were written");
        }
        rethrowFailure();
    }

    /**
     * Stops the writer if {@link #finish()} did not run to the end: queued batches are dropped, and this waits for the
     * batch being written (one transaction) to commit or fail, so that the counts are final when it returns.
     */
    @Override
    public void close() {
        if (!thread.isAlive()) {
            return;
        }
        queue.clear();
        queue.offer(end);
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

    private void drain() {
        try {
            while (true) {
                List<T> batch = queue.take();
                if (batch == end) {
                    return;
                }
                write.accept(batch);
            }
        } catch (InterruptedException e) {
            failure = new CancellationException("the writer was stopped");
        } catch (RuntimeException e) {
            failure = e;
        } catch (Error e) {
            failure = new IllegalStateException(e);
            throw e;
        }
    }

    private void rethrowFailure() {
        RuntimeException e = failure;
        if (e != null) {
            throw e;
        }
    }
}
