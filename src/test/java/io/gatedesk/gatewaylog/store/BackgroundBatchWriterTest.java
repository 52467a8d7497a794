package io.gatedesk.gatewaylog.store;

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
    void everyItemIsPreparedHereAndWrittenInOrderInBatchesOnAnotherThread() {
        List<List<Integer>> written = new CopyOnWriteArrayList<>();
        List<String> preparedOn = new CopyOnWriteArrayList<>();
        List<String> writtenOn = new CopyOnWriteArrayList<>();
        try (BackgroundBatchWriter<Integer, List<Integer>> writer = new BackgroundBatchWriter<>("test-writer", 10, 2,
                batch -> {
                    preparedOn.add(Thread.currentThread().getName());
                    return List.copyOf(batch);
                }, batch -> {
                    writtenOn.add(Thread.currentThread().getName());
                    written.add(batch);
                })) {
            IntStream.range(0, 25).forEach(writer::add);
            writer.finish();
        }
        assertThat(written).extracting(List::size).containsExactly(10, 10, 5);
        assertThat(written.stream().flatMap(List::stream)).containsExactlyElementsOf(IntStream.range(0, 25).boxed().toList());
        assertThat(preparedOn).containsOnly(Thread.currentThread().getName());
        assertThat(writtenOn).containsOnly("test-writer");
    }

    @Test
    void aFailingWriteStopsTheReaderWithTheWritersException() {
        IllegalStateException broken = new IllegalStateException("database gone");
        try (BackgroundBatchWriter<Integer, List<Integer>> writer = new BackgroundBatchWriter<>("test-writer", 10, 1,
                List::copyOf, batch -> {
                    throw broken;
                })) {
            assertThatThrownBy(() -> IntStream.range(0, 1_000).forEach(writer::add)).isSameAs(broken);
        }
    }

    @Test
    void aFailureInTheLastBatchComesOutOfFinish() {
        IllegalStateException broken = new IllegalStateException("constraint");
        try (BackgroundBatchWriter<Integer, List<Integer>> writer = new BackgroundBatchWriter<>("test-writer", 10, 2,
                List::copyOf, batch -> {
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
        BackgroundBatchWriter<Integer, List<Integer>> writer = new BackgroundBatchWriter<>("test-writer", 1, 1,
                List::copyOf, batch -> {
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
