package io.gatedesk.gatewaylog.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Collects items into batches, prepares each full batch on the caller's thread and writes it on a thread of its own
 * while the caller reads and guards the next ones, through a short bounded queue, so that the parser and the database
 * both keep busy. A failure on either side stops the other: the writer's exception comes back to the caller at its
 * next hand-over, and an interrupted caller (a shutdown) gets a {@link CancellationException}; closing the writer
 * early drops what is still queued.
 *
 * @param <T> what the caller adds
 * @param <P> a prepared batch, what the writer thread writes
 */
public final class BackgroundBatchWriter<T, P> implements AutoCloseable {

    /** The end-of-input marker, recognised by identity. */
    private static final Runnable END = () -> {
    };

    private final int batchSize;
    private final Function<List<T>, P> prepare;
    private final Consumer<P> write;
    private final BlockingQueue<Runnable> queue;
    private final Thread thread;
    private volatile RuntimeException failure;
    private List<T> batch;

    public BackgroundBatchWriter(String name, int batchSize, int queuedBatches, Function<List<T>, P> prepare,
                          Consumer<P> write) {
        this.batchSize = batchSize;
        this.prepare = prepare;
        this.write = write;
        this.batch = new ArrayList<>(batchSize);
        this.queue = new ArrayBlockingQueue<>(queuedBatches);
        this.thread = new Thread(this::drain, name);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Adds an item; a full batch is prepared and handed to the writer, waiting while the queue is full. */
    public void add(T item) {
        batch.add(item);
        if (batch.size() >= batchSize) {
            handOver();
        }
    }

    /** Hands over the last batch and waits until every batch is written; rethrows what went wrong in the writer. */
    public void finish() {
        if (!batch.isEmpty()) {
            handOver();
        }
        hand(END);
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
        queue.offer(END);
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

    private void handOver() {
        P prepared = prepare.apply(batch);
        batch = new ArrayList<>(batchSize);
        hand(() -> write.accept(prepared));
    }

    private void hand(Runnable task) {
        try {
            while (!queue.offer(task, 100, TimeUnit.MILLISECONDS)) {
                rethrowFailure();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while handing over a batch");
        }
        rethrowFailure();
    }

    private void drain() {
        try {
            while (true) {
                Runnable task = queue.take();
                if (task == END) {
                    return;
                }
                task.run();
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
