package org.frontline.match;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Normalisation holds no lock: each thread romanises with its own ICU instances. Many threads at
 * once, each in its own order, give exactly what one thread gives.
 */
class ParallelNormalisationTest {

    private static final List<String> NAMES = List.of(
            "Юрий Щербаков", "Владимир Александрович Кузнецов", "张伟", "王秀英", "李娜", "محمد بن سلمان",
            "عبد الرحمن الراشد", "خالد صالح أحمد الدوسري", "علی رضایی", "דוד כהן", "Γεώργιος Παπαδόπουλος",
            "გიორგი ბერიძე", "Արամ Պետրոսյան", "김민준", "タナカ ヒロシ", "ابراهیم حسینی", "Recep Tayyip ERDOĞAN",
            "Muhammad Al Rasheed", "Abdel Rahman ibn Khaldun", "Hồ Chí Minh", "Ayşe Yılmaz", "Ζωή Νικολάου",
            "Светлана Петровна Иванова", "Ахмед Абдуллаев", "ﷺ", "Наталья Ёлкина", "周杰伦", "ምኒልክ", "މުހައްމަދު");

    @Test
    void manyThreadsNormaliseExactlyAsOneThreadDoes() throws Exception {
        List<String> expected = NAMES.stream().map(NameNormaliser::normalise).toList();
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<String>>> mismatches = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                long seed = t;
                mismatches.add(pool.submit(() -> {
                    Random random = new Random(seed);
                    List<String> wrong = new ArrayList<>();
                    List<Integer> order = new ArrayList<>();
                    for (int i = 0; i < NAMES.size(); i++) {
                        order.add(i);
                    }
                    for (int round = 0; round < 50; round++) {
                        Collections.shuffle(order, random);
                        for (int i : order) {
                            String got = NameNormaliser.normalise(NAMES.get(i));
                            if (!got.equals(expected.get(i))) {
                                wrong.add(NAMES.get(i) + " -> " + got + " (alone: " + expected.get(i) + ")");
                            }
                        }
                    }
                    return wrong;
                }));
            }
            List<String> wrong = new ArrayList<>();
            for (Future<List<String>> f : mismatches) {
                wrong.addAll(f.get());
            }
            assertEquals(List.of(), wrong.stream().distinct().limit(10).toList());
        } finally {
            pool.shutdownNow();
        }
    }
}
