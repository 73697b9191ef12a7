import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A minimal HTTP/1.1 file server for the download benchmark: serves one file at any path, on the
 * loopback interface, with HEAD, keep-alive and {@code Range: bytes=N-}, sending the body with
 * FileChannel.transferTo (sendfile) so that the server is not what limits either client.
 * Run: java bench/BenchServer.java FILE; prints the port it listens on.
 */
public final class BenchServer {

    private static final Pattern RANGE = Pattern.compile("(?im)^range:\\s*bytes=(\\d+)-\\s*$");

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        ServerSocketChannel server = ServerSocketChannel.open();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        System.out.println(((InetSocketAddress) server.getLocalAddress()).getPort());
        System.out.flush();
        while (true) {
            SocketChannel c = server.accept();
            Thread t = new Thread(() -> serve(c, file));
            t.setDaemon(true);
            t.start();
        }
    }

    private static void serve(SocketChannel c, Path file) {
        try (c; FileChannel f = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer in = ByteBuffer.allocate(16384);
            StringBuilder req = new StringBuilder();
            while (true) {
                int end;
                while ((end = req.indexOf("\r\n\r\n")) < 0) {
                    in.clear();
                    if (c.read(in) < 0) {
                        return;
                    }
                    req.append(new String(in.array(), 0, in.position(), StandardCharsets.ISO_8859_1));
                }
                String head = req.substring(0, end);
                req.delete(0, end + 4);
                boolean isHead = head.startsWith("HEAD ");
                long size = f.size();
                long from = 0;
                Matcher m = RANGE.matcher(head);
                boolean partial = m.find() && Long.parseLong(m.group(1)) < size;
                if (partial) {
                    from = Long.parseLong(m.group(1));
                }
                String headers = (partial ? "HTTP/1.1 206 Partial Content\r\nContent-Range: bytes " + from + "-" + (size - 1) + "/" + size + "\r\n"
                        : "HTTP/1.1 200 OK\r\n") + "Content-Type: application/octet-stream\r\nAccept-Ranges: bytes\r\nContent-Length: "
                        + (size - from) + "\r\n\r\n";
                ByteBuffer h = ByteBuffer.wrap(headers.getBytes(StandardCharsets.ISO_8859_1));
                while (h.hasRemaining()) {
                    c.write(h);
                }
                if (!isHead) {
                    long pos = from;
                    while (pos < size) {
                        pos += f.transferTo(pos, size - pos, c);
                    }
                }
            }
        } catch (IOException e) {
            // client went away
        }
    }
}
