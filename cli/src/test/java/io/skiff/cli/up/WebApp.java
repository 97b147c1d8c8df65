package io.skiff.cli.up;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The web application of the cluster tests: an RC of busybox web servers that answer with their
 * pod's name and are ready while {@code /www/ready} exists, behind a NodePort service; and the
 * client side (requests through the node port).
 */
public final class WebApp {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private WebApp() {}

    /** The manifest: RC {@code name} with {@code replicas} pods, service {@code name} on {@code nodePort}. */
    public static String manifest(String name, int replicas, int nodePort, String image) {
        return """
                apiVersion: v1
                kind: ReplicationController
                metadata:
                  name: %1$s
                spec:
                  replicas: %2$d
                  selector:
                    app: %1$s
                  template:
                    metadata:
                      labels:
                        app: %1$s
                    spec:
                      terminationGracePeriodSeconds: 1
                      containers:
                      - name: httpd
                        image: %4$s
                        imagePullPolicy: IfNotPresent
                        command: ["sh", "-c", "mkdir -p /www && echo \\"hello from $(hostname)\\" > /www/index.html && touch /www/ready && echo serving on 8080 && exec httpd -f -v -p 8080 -h /www"]
                        ports:
                        - containerPort: 8080
                        readinessProbe:
                          httpGet:
                            path: /ready
                            port: 8080
                          periodSeconds: 1
                          failureThreshold: 1
                ---
                apiVersion: v1
                kind: Service
                metadata:
                  name: %1$s
                spec:
                  type: NodePort
                  selector:
                    app: %1$s
                  ports:
                  - port: 80
                    targetPort: 8080
                    nodePort: %3$d
                """.formatted(name, replicas, nodePort, image);
    }

    /** GET http://host:port/ : the body, stripped. */
    public static String get(String host, int port) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + "/"))
                .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode() + ": " + response.body());
        }
        return response.body().strip();
    }

    /** {@code n} requests through the service: how many each pod answered, by pod name. */
    public static Map<String, Integer> spread(String host, int port, int n) throws IOException, InterruptedException {
        Map<String, Integer> byPod = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            byPod.merge(get(host, port).replace("hello from ", ""), 1, Integer::sum);
        }
        return byPod;
    }

    /** A port in the node port range (30000-32767) free on 127.0.0.1 now. */
    public static int freeNodePort() {
        for (int i = 0; i < 200; i++) {
            int port = ThreadLocalRandom.current().nextInt(30000, 32768);
            try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return port;
            } catch (IOException taken) {
                // another one
            }
        }
        throw new IllegalStateException("no free port in 30000-32767 on 127.0.0.1");
    }

    /** A port free on 127.0.0.1 now. */
    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
