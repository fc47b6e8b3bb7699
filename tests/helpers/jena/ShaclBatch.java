// Jena SHACL over many (shapes, data) pairs in one JVM, for kg's engine parity test
// (tests/engines/test_shacl_engines.py).
//
// `shacl validate --shapes S --data D` (class shacl.shacl in jena-cmds.jar) starts a JVM per pair: a
// second or two each, minutes for the two hundred and more shape cases. This does what that command does for each pair
// -- read both graphs, ShaclValidator.get().validate(shapes, data) -- with two differences that change
// no result: each shapes file is parsed into Shapes once and reused, and blank nodes keep the labels
// the data file gives them (the command relabels them), so that a result about a blank node names the
// node the other engines name.
//
// Run with Java's source launcher (a JDK): java -cp <Jena jars> ShaclBatch.java JOBS
// JOBS is a UTF-8 file of lines `SHAPES<TAB>DATA<TAB>OUT` (N-Triples or Turtle, by extension). For
// each line the validation report is written to OUT as N-Triples (literals in full, blank nodes
// `_:label`, the label hex-encoded after `x` when it is not plain ASCII letters and digits), or,
// when the shapes or the data cannot be used, the error to OUT.error. "done" on stdout at the end.
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.lang.LabelToNode;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sys.JenaSystem;

public class ShaclBatch {
    public static void main(String[] args) throws IOException {
        JenaSystem.init();
        Map<String, Shapes> shapesByFile = new HashMap<>();
        List<String> jobs = Files.readAllLines(Paths.get(args[0]), StandardCharsets.UTF_8);
        for (String job : jobs) {
            if (job.isBlank()) {
                continue;
            }
            String[] f = job.split("\t");
            Path out = Paths.get(f[2]);
            try {
                Shapes shapes = shapesByFile.get(f[0]);
                if (shapes == null) {
                    shapes = Shapes.parse(read(f[0]));
                    shapesByFile.put(f[0], shapes);
                }
                ValidationReport report = ShaclValidator.get().validate(shapes, read(f[1]));
                write(report.getGraph(), out);
            } catch (RuntimeException error) {
                Files.writeString(Paths.get(f[2] + ".error"), error.toString(), StandardCharsets.UTF_8);
            }
        }
        System.out.println("done");
    }

    private static Graph read(String file) {
        Graph graph = GraphFactory.createDefaultGraph();
        RDFParser.source(file).labelToNode(LabelToNode.createUseLabelAsGiven()).parse(graph);
        return graph;
    }

    private static void write(Graph graph, Path out) throws IOException {
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            Iterator<Triple> it = graph.find();
            while (it.hasNext()) {
                Triple t = it.next();
                w.write(term(t.getSubject()) + " " + term(t.getPredicate()) + " " + term(t.getObject()) + " .\n");
            }
        }
    }

    private static String term(Node node) {
        if (node.isURI()) {
            return "<" + node.getURI() + ">";
        }
        if (node.isLiteral()) {  // in full (NodeFmtLib writes 42 and false for typed literals)
            StringBuilder text = new StringBuilder("\"");
            for (char c : node.getLiteralLexicalForm().toCharArray()) {
                switch (c) {
                    case '"': text.append("\\\""); break;
                    case '\\': text.append("\\\\"); break;
                    case '\n': text.append("\\n"); break;
                    case '\r': text.append("\\r"); break;
                    default: text.append(c);
                }
            }
            text.append('"');
            String lang = node.getLiteralLanguage();
            String datatype = node.getLiteralDatatypeURI();
            if (!lang.isEmpty()) {
                return text + "@" + lang;
            }
            return datatype.equals("http://www.w3.org/2001/XMLSchema#string") ? text.toString() : text + "^^<" + datatype + ">";
        }
        String label = node.getBlankNodeLabel();
        if (label.matches("[A-Za-z0-9]+")) {
            return "_:" + label;
        }
        StringBuilder hex = new StringBuilder("_:x");
        for (byte b : label.getBytes(StandardCharsets.UTF_8)) {
            hex.append(String.format("%02x", b));
        }
        return hex.toString();
    }
}
