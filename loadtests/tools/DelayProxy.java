import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy that adds latency to everything the server sends back: each chunk read from the
 * target is written to the client {@code delayMs} after it arrived (latency, not a throughput
 * cap: chunks keep flowing, each one late by the same delay). Bytes from the client go to the
 * server at once. Dependency-free; run it as a single-file program:
 *
 * <pre>
 *   java loadtests/tools/DelayProxy.java &lt;listenPort&gt; &lt;targetHost&gt; &lt;targetPort&gt; &lt;delayMs&gt; [--max-seconds N]
 * </pre>
 *
 * It listens on 127.0.0.1 only, prints one line {@code DelayProxy listening on 127.0.0.1:PORT}
 * once it accepts connections, and exits by itself after {@code --max-seconds} (default 600).
 * A listen port of 0 takes a free port (the line says which).
 */
public final class DelayProxy {

    private static final byte[] EOF = new byte[0];
    private static final AtomicInteger CONNECTIONS = new AtomicInteger();
    private static final AtomicLong BYTES_DELAYED = new AtomicLong();

    private record Chunk(long dueNanos, byte[] bytes) {
    }

    public static void main(String[] args) throws IOException {
        long maxSeconds = 600;
        String[] positional = new String[4];
        int n = 0;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--max-seconds") && i + 1 < args.length) {
                maxSeconds = Long.parseLong(args[++i]);
            } else if (args[i].startsWith("--max-seconds=")) {
                maxSeconds = Long.parseLong(args[i].substring("--max-seconds=".length()));
            } else if (n < positional.length) {
                positional[n++] = args[i];
            } else {
                usage();
            }
        }
        if (n != 4 || maxSeconds <= 0) {
            usage();
        }
        int listenPort = Integer.parseInt(positional[0]);
        String targetHost = positional[1];
        int targetPort = Integer.parseInt(positional[2]);
        long delayMs = Long.parseLong(positional[3]);
        if (delayMs < 0) {
            usage();
        }

        long stopAfter = maxSeconds;
        Thread timer = new Thread(() -> {
            try {
                Thread.sleep(stopAfter * 1000);
            } catch (InterruptedException e) {
                return;
            }
            System.out.printf("DelayProxy: --max-seconds %d reached after %d connections, %d bytes delayed; exiting%n",
                    stopAfter, CONNECTIONS.get(), BYTES_DELAYED.get());
            System.exit(0);
        }, "max-seconds");
        timer.setDaemon(true);
        timer.start();

        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), listenPort), 128);
        System.out.printf("DelayProxy listening on 127.0.0.1:%d -> %s:%d, server-to-client delay %d ms, exits after %d s%n",
                server.getLocalPort(), targetHost, targetPort, delayMs, maxSeconds);
        System.out.flush();
        while (true) {
            Socket client = server.accept();
            int id = CONNECTIONS.incrementAndGet();
            Thread t = new Thread(() -> serve(id, client, targetHost, targetPort, delayMs), "conn-" + id);
            t.setDaemon(true);
            t.start();
        }
    }

    private static void usage() {
        System.err.println("usage: java DelayProxy.java <listenPort> <targetHost> <targetPort> <delayMs> [--max-seconds N (default 600)]");
        System.exit(2);
    }

    private static void serve(int id, Socket client, String targetHost, int targetPort, long delayMs) {
        Socket upstream = new Socket();
        try {
            client.setTcpNoDelay(true);
            upstream.connect(new InetSocketAddress(targetHost, targetPort), 10_000);
            upstream.setTcpNoDelay(true);
        } catch (IOException e) {
            System.err.printf("DelayProxy: connection %d: cannot reach %s:%d: %s%n", id, targetHost, targetPort, e.getMessage());
            closeQuietly(client);
            closeQuietly(upstream);
            return;
        }
        // client -> server: at once
        Thread up = new Thread(() -> {
            try {
                copy(client.getInputStream(), upstream.getOutputStream());
                upstream.shutdownOutput();
            } catch (IOException e) {
                closeQuietly(upstream);
                closeQuietly(client);
            }
        }, "conn-" + id + "-up");
        up.setDaemon(true);
        up.start();

        // server -> client: a reader stamps each chunk, a writer delivers it delayMs later
        BlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();
        Thread writer = new Thread(() -> {
            try {
                OutputStream out = client.getOutputStream();
                while (true) {
                    Chunk chunk = queue.take();
                    long wait = chunk.dueNanos() - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                    if (chunk.bytes() == EOF) {
                        client.shutdownOutput();
                        return;
                    }
                    out.write(chunk.bytes());
                    out.flush();
                    BYTES_DELAYED.addAndGet(chunk.bytes().length);
                }
            } catch (IOException | InterruptedException e) {
                closeQuietly(client);
                closeQuietly(upstream);
            }
        }, "conn-" + id + "-down-writer");
        writer.setDaemon(true);
        writer.start();

        try {
            InputStream in = upstream.getInputStream();
            byte[] buffer = new byte[16 * 1024];
            int read;
            while ((read = in.read(buffer)) >= 0) {
                queue.add(new Chunk(System.nanoTime() + delayMs * 1_000_000, Arrays.copyOf(buffer, read)));
            }
        } catch (IOException e) {
            // the upstream closed or failed: deliver what was read, then close
        }
        queue.add(new Chunk(System.nanoTime() + delayMs * 1_000_000, EOF));
    }

    private static void copy(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[16 * 1024];
        int read;
        while ((read = in.read(buffer)) >= 0) {
            out.write(buffer, 0, read);
            out.flush();
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
