package org.frontline.testsupport;

import redis.embedded.core.ExecutableProvider;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A Redis process of the tests' own on a loopback port, which a test may kill (SIGKILL, as a crash)
 * and start again on the same port: the installed {@code redis-server} when there is one, else the
 * real binary that embedded-redis ships ({@code -Dfqtest.redis-binary=shipped} forces it). Never the
 * machine's shared Redis.
 */
public final class RedisProcess implements AutoCloseable {

    private final int port;
    private Process process;

    private RedisProcess(int port) {
        this.port = port;
    }

    /** A new, empty Redis on a free port. */
    public static RedisProcess start() {
        return startOn(freePort());
    }

    /** A new, empty Redis on this port (e.g. again, after a kill). */
    public static RedisProcess startOn(int port) {
        RedisProcess redis = new RedisProcess(port);
        redis.launch();
        Runtime.getRuntime().addShutdownHook(new Thread(redis::kill));
        return redis;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    private void launch() {
        try {
            String binary = binary();
            System.out.println("test Redis: " + binary + " on port " + port);
            process = new ProcessBuilder(binary, "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("could not start a test Redis on port " + port, e);
        }
        long until = System.currentTimeMillis() + 10_000;
        while (!answers("127.0.0.1", port)) {
            if (System.currentTimeMillis() > until || !process.isAlive()) {
                throw new IllegalStateException("test Redis on port " + port + " did not answer");
            }
            sleep(50);
        }
    }

    /** Kills it at once. */
    public synchronized void kill() {
        if (process != null) {
            kill(process.pid());
            process = null;
        }
    }

    /** Kills a Redis of ours by process id (usable from any class loader). */
    public static void kill(long pid) {
        ProcessHandle.of(pid).ifPresent(p -> {
            p.destroyForcibly();
            p.onExit().join();
        });
    }

    @Override
    public void close() {
        kill();
    }

    /** True when something on host:port answers PING with PONG within a second. */
    public static boolean answers(String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 1000);
            s.setSoTimeout(1000);
            OutputStream out = s.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            byte[] buffer = new byte[7];
            int n = in.readNBytes(buffer, 0, buffer.length);
            return new String(buffer, 0, n, StandardCharsets.US_ASCII).startsWith("+PONG");
        } catch (IOException e) {
            return false;
        }
    }

    private static String binary() throws IOException {
        // -Dfqtest.redis-binary=shipped uses embedded-redis' binary, as on a machine without redis-server
        for (String candidate : List.of("/usr/bin/redis-server", "/usr/local/bin/redis-server")) {
            if (!"shipped".equals(System.getProperty("fqtest.redis-binary")) && new File(candidate).canExecute()) {
                return candidate;
            }
        }
        File shipped = ExecutableProvider.newJarResourceProvider().get();
        shipped.setExecutable(true);
        return shipped.getAbsolutePath();
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
