package dev.betterauth4j.demo;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** 8 threads × 200 concurrent creates: exactly 1600 tasks, none lost, none duplicated. */
class ConcurrentCreateTest {

    static final int THREADS = 8;
    static final int PER_THREAD = 200;

    @RepeatedTest(2)
    void eightThreadsCreatingTwoHundredTasksEachStoreExactly1600(@TempDir Path dir) throws Exception {
        try (RunningDemo demo = RunningDemo.devMode(dir)) {
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<Long>>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                workers.add(pool.submit(() -> {
                    start.await();
                    List<Long> ids = new ArrayList<>();
                    for (int i = 0; i < PER_THREAD; i++) {
                        ids.add(demo.create(demo.alice, "t" + thread + "-" + i));
                    }
                    return ids;
                }));
            }
            start.countDown();
            Set<Long> ids = new HashSet<>();
            for (Future<List<Long>> worker : workers) {
                ids.addAll(worker.get(2, TimeUnit.MINUTES));
            }
            pool.shutdown();

            assertThat(ids).hasSize(THREADS * PER_THREAD);
            HttpResponse<String> first = demo.get("/api/tasks?limit=1", demo.alice);
            assertThat(first.headers().firstValue("X-Total-Count")).contains(String.valueOf(THREADS * PER_THREAD));
            Set<String> titles = new HashSet<>();
            Set<Long> listed = new HashSet<>();
            for (int offset = 0; offset < THREADS * PER_THREAD; offset += 100) {
                for (JsonNode task : RunningDemo.body(demo.get("/api/tasks?limit=100&offset=" + offset, demo.alice))) {
                    titles.add(task.get("title").asText());
                    listed.add(task.get("id").asLong());
                }
            }
            assertThat(titles).hasSize(THREADS * PER_THREAD);
            assertThat(listed).isEqualTo(ids);
        }
    }
}
