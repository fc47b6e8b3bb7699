// A SPARQL 1.1 Protocol endpoint over Jena TDB2 databases, read-only, on loopback: what kg query
// --endpoint and kg validate --endpoint need of a TDB2 store when Fuseki is not at hand (Debian does
// not package it).  kg ships it (kg stores jena-endpoint prints its path); the store tests run it.
//
// Jena ARQ answers over TDB2 with tdb:unionDefaultGraph=true (what `tdb2.tdbquery --set
// tdb:unionDefaultGraph=true` and a Fuseki TDB2 service with `tdb2:unionDefaultGraph true` do).
// Run with Java's source launcher (a JDK):
//   java -cp "$(kg stores jena-classpath)" "$(kg stores jena-endpoint)" PORT NAME=DIR...
// each TDB2 database DIR served at http://127.0.0.1:PORT/NAME.  A TDB2 database is opened by one JVM
// at a time: load it (tdb2.tdbloader) before, not while, it is served.
// Queries come as POST application/x-www-form-urlencoded `query=` (or GET ?query=); SELECT and ASK
// are answered in SPARQL 1.1 results JSON, CONSTRUCT and DESCRIBE in N-Triples; a bad query is a 400.
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryExecutionFactory;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.TDB2Factory;

public class JenaTdbEndpoint {
    public static void main(String[] args) throws IOException {
        ARQ.getContext().set(TDB2.symUnionDefaultGraph, true);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 16);
        for (int i = 1; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            Dataset dataset = TDB2Factory.connectDataset(args[i].substring(eq + 1));
            server.createContext("/" + args[i].substring(0, eq), exchange -> answer(exchange, dataset));
        }
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.start();
        System.out.println("listening");
        System.out.flush();
    }

    private static void answer(HttpExchange exchange, Dataset dataset) throws IOException {
        String form = "POST".equals(exchange.getRequestMethod())
                ? new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)
                : exchange.getRequestURI().getRawQuery();
        String text = null;
        for (String pair : form == null ? new String[0] : form.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals("query")) {
                text = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String type;
        int status = 200;
        try {
            Query query = QueryFactory.create(text);
            type = query.isSelectType() || query.isAskType() ? "application/sparql-results+json" : "application/n-triples";
            Txn.executeRead(dataset, () -> {
                try (QueryExecution exec = QueryExecutionFactory.create(query, dataset)) {
                    if (query.isSelectType()) {
                        ResultSetFormatter.outputAsJSON(body, exec.execSelect());
                    } else if (query.isAskType()) {
                        ResultSetFormatter.outputAsJSON(body, exec.execAsk());
                    } else {
                        RDFDataMgr.write(body, query.isConstructType() ? exec.execConstruct() : exec.execDescribe(),
                                         Lang.NTRIPLES);
                    }
                }
            });
        } catch (RuntimeException error) {
            status = 400;
            type = "text/plain; charset=utf-8";
            body.reset();
            body.writeBytes(String.valueOf(error.getMessage()).getBytes(StandardCharsets.UTF_8));
        }
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.size());
        try (OutputStream out = exchange.getResponseBody()) {
            body.writeTo(out);
        }
    }
}
