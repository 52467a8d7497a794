package io.gatedesk.gatewaylog;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackgroundBatchWriterTest {

    @Test
    void everyItemIsWrittenInOrderInBatchesOnAnotherThread() {
        List<List<Integer>> written = new CopyOnWriteArrayList<>();
        List<String> threads = new CopyOnWriteArrayList<>();
        try (BackgroundBatchWriter<Integer> writer = new BackgroundBatchWriter<>("test-writer", 10, 2, batch -> {
            threads.add(Thread.currentThread().getName());
            written.add(List.copyOf(batch));
        })) {
            IntStream.range(0, 25).forEach(writer::add);
            writer.finish();
        }
        assertThat(written).extracting(List::size).containsExactly(10, 10, 5);
        assertThat(written.stream().flatMap(List::stream)).containsExactlyElementsOf(IntStream.range(0, 25).boxed().toList());
        assertThat(threads).containsOnly("test-writer");
    }

    @Test
    void aFailingWriteStopsTheReaderWithTheWritersException() {
        IllegalStateException broken = new IllegalStateException("database gone");
        try (BackgroundBatchWriter<Integer> writer = new BackgroundBatchWriter<>("test-writer", 10, 1, batch -> {
            throw broken;
        })) {
            assertThatThrownBy(() -> IntStream.range(0, 1_000).forEach(writer::add)).isSameAs(broken);
        }
    }

    @Test
    void aFailureInTheLastBatchComesOutOfFinish() {
        IllegalStateException broken = new IllegalStateException("constraint");
        try (BackgroundBatchWriter<Integer> writer = new BackgroundBatchWriter<>("test-writer", 10, 2, batch -> {
            throw broken;
        })) {
            writer.add(1);
            assertThatThrownBy(writer::finish).isSameAs(broken);
        }
    }

    @Test
    void anInterruptedReaderIsCancelledAndClosingWaitsForTheBatchInHand() throws Exception {
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Integer> written = new CopyOnWriteArrayList<>();
        AtomicReference<Throwable> readerOutcome = new AtomicReference<>();
        BackgroundBatchWriter<Integer> writer = new BackgroundBatchWriter<>("test-writer", 1, 1, batch -> {
            writing.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            written.addAll(batch);
        });
        Thread reader = new Thread(() -> {
            try {
                for (int i = 0; ; i++) {
                    writer.add(i);
                }
            } catch (Throwable e) {
                readerOutcome.set(e);
            } finally {
                writer.close();
            }
        });
        reader.start();
        assertThat(writing.await(5, TimeUnit.SECONDS)).isTrue();
        reader.interrupt();
        Thread.sleep(200);
        release.countDown();
        reader.join(5_000);

        assertThat(reader.isAlive()).isFalse();
        assertThat(readerOutcome.get()).isInstanceOf(CancellationException.class);
        // The batch in hand was written; the one waiting in the queue was dropped.
        assertThat(written).containsExactly(0);
    }
}
