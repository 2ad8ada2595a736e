package org.frontline.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real TCP proxy on loopback that sits between the service and one source's PostgreSQL and
 * injects faults: it passes bytes through, delays every chunk the server sends back, swallows
 * everything (a source that accepts connections and never answers), or resets connections.
 *
 * <p>The mode is read from a system property on every chunk and connection, so a test switches it
 * with {@link #mode(Mode)} whatever class loader started the proxy (Quarkus test resources and test
 * classes may not share one).
 */
public final class FaultProxy implements AutoCloseable {

    /**
     * PASS; DELAY each chunk from the target; BLACKHOLE nothing from the target; RESET every connection;
     * CLOSE_ONCE: the next request's bytes are swallowed and its connection closed without an answer (as a
     * keep-alive connection closed under a request), then back to PASS.
     */
    public enum Mode { PASS, DELAY, BLACKHOLE, RESET, CLOSE_ONCE }

    private static final String DEFAULT = "source";

    private final String name;
    private final ServerSocket server;
    private final String targetHost;
    private final int targetPort;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile boolean running = true;

    public FaultProxy(String targetHost, int targetPort) throws IOException {
        this(DEFAULT, targetHost, targetPort);
    }

    /** A proxy whose mode is switched under its own name (see {@link #mode(String, Mode)}). */
    public FaultProxy(String name, String targetHost, int targetPort) throws IOException {
        this.name = name;
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "fault-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Switches the source proxy; existing connections follow on their next chunk. */
    public static void mode(Mode mode) {
        mode(DEFAULT, mode);
    }

    /** Switches the proxy of that name. */
    public static void mode(String name, Mode mode) {
        System.setProperty("faultproxy." + name + ".mode", mode.name());
        if (mode == Mode.PASS) {
            InjectedFaults.end("proxy-" + name);
        } else {
            InjectedFaults.begin("proxy-" + name, "the " + name + " proxy in mode " + mode);
        }
    }

    public static void delay(long millis) {
        System.setProperty("faultproxy." + DEFAULT + ".delay-ms", Long.toString(millis));
        mode(Mode.DELAY);
    }

    /** Back to passing bytes through. */
    public static void reset() {
        mode(Mode.PASS);
    }

    /** Connections the proxy of that name has accepted so far (in every mode): how often the service tried to reach it. */
    public static long connections(String name) {
        return Long.getLong("faultproxy." + name + ".connections", 0L);
    }

    private void counted() {
        synchronized (FaultProxy.class) {
            System.setProperty("faultproxy." + name + ".connections", Long.toString(connections(name) + 1));
        }
    }

    /** Whether this connection is the one CLOSE_ONCE closes (the first to send while it is set), which ends it. */
    private boolean closedOnce() {
        synchronized (FaultProxy.class) {
            if (currentMode() != Mode.CLOSE_ONCE) {
                return false;
            }
            mode(name, Mode.PASS);
            return true;
        }
    }

    private Mode currentMode() {
        return Mode.valueOf(System.getProperty("faultproxy." + name + ".mode", Mode.PASS.name()));
    }

    private void accept() {
        while (running) {
            try {
                Socket client = server.accept();
                counted();
                open.add(client);
                if (currentMode() == Mode.RESET) {
                    client.setSoLinger(true, 0);
                    client.close();
                    continue;
                }
                Socket upstream = new Socket();
                try {
                    upstream.connect(new InetSocketAddress(targetHost, targetPort), 2000);
                } catch (IOException refused) {
                    // the target is down: the client sees its connection end, as it would without the proxy
                    client.setSoLinger(true, 0);
                    closeQuietly(client);
                    continue;
                }
                open.add(upstream);
                pump(client, upstream, false);
                pump(upstream, client, true);
            } catch (IOException e) {
                if (!running) {
                    return;
                }
            }
        }
    }

    private void pump(Socket from, Socket to, boolean serverToClient) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[16384];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    Mode mode = currentMode();
                    if (mode == Mode.RESET) {
                        to.setSoLinger(true, 0);
                        from.setSoLinger(true, 0);
                        break;
                    }
                    if (!serverToClient && mode == Mode.CLOSE_ONCE && closedOnce()) {
                        break;   // nothing forwarded; both ends closed in order, no answer
                    }
                    while (serverToClient && currentMode() == Mode.BLACKHOLE && running) {
                        Thread.sleep(20);
                    }
                    if (serverToClient && mode == Mode.DELAY) {
                        Thread.sleep(Long.parseLong(System.getProperty("faultproxy." + name + ".delay-ms", "0")));
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                // connection ended
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "fault-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        running = false;
        server.close();
        open.forEach(FaultProxy::closeQuietly);
    }
}
