package org.cortexlit.importing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A local stand-in for NCBI E-utilities that answers in E-utilities' real formats: esearch with Count,
 * WebEnv and QueryKey (or the recorded error answers), efetch pages of invented PubMed XML records whose
 * PMIDs follow from retstart. A test can make one efetch page fail once.
 */
public class EutilsReplayServer implements QuarkusTestResourceLifecycleManager {

    static final int COUNT = 5;
    static final long FIRST_PMID = 92_000_001L;

    static HttpServer server;
    static final List<Map<String, String>> requests = Collections.synchronizedList(new ArrayList<>());
    static volatile int failPageAt = -1;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/esearch.fcgi", this::esearch);
        server.createContext("/efetch.fcgi", this::efetch);
        server.start();
        return Map.of(
                "cortexlit.eutils.base-url", "http://127.0.0.1:" + server.getAddress().getPort() + "/",
                "cortexlit.eutils.email", "reviewers@example.org",
                "cortexlit.eutils.page-size", "2",
                "cortexlit.eutils.max-retries", "1",
                "cortexlit.eutils.initial-backoff", "0s",
                "cortexlit.searches.check-every", "1s");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void esearch(HttpExchange x) throws IOException {
        Map<String, String> q = params(x);
        q.put("path", "esearch");
        requests.add(q);
        String term = q.getOrDefault("term", "");
        if (term.contains("unbalanced")) {
            send(x, 200, fixture("esearch-error.xml"));
        } else if (term.contains("xyzzyqtms")) {
            send(x, 200, fixture("esearch-nothing-found.xml"));
        } else {
            send(x, 200, ("<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<!DOCTYPE eSearchResult PUBLIC \"-//NLM//DTD esearch 20060628//EN\" "
                    + "\"https://eutils.ncbi.nlm.nih.gov/eutils/dtd/20060628/esearch.dtd\">\n<eSearchResult><Count>" + COUNT
                    + "</Count><RetMax>0</RetMax><RetStart>0</RetStart><QueryKey>1</QueryKey><WebEnv>MCID_replay0001</WebEnv>"
                    + "<IdList/><TranslationSet/><QueryTranslation>" + term.replace("&", "&amp;").replace("<", "&lt;")
                    + "</QueryTranslation></eSearchResult>\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    private void efetch(HttpExchange x) throws IOException {
        Map<String, String> q = params(x);
        q.put("path", "efetch");
        requests.add(q);
        int retstart = Integer.parseInt(q.getOrDefault("retstart", "0"));
        int retmax = Integer.parseInt(q.getOrDefault("retmax", "20"));
        if (retstart == failPageAt) {
            failPageAt = -1;
            send(x, 400, "{\"error\":\"simulated failure of this page\"}".getBytes(StandardCharsets.UTF_8));
            return;
        }
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" ?>\n<!DOCTYPE PubmedArticleSet PUBLIC \"-//NLM//DTD PubMedArticle, 1st January 2025//EN\" \"https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd\">\n<PubmedArticleSet>\n");
        for (int i = retstart; i < Math.min(COUNT, retstart + retmax); i++) {
            long pmid = FIRST_PMID + i;
            sb.append("<PubmedArticle><MedlineCitation Status=\"PubMed-not-MEDLINE\" Owner=\"NLM\"><PMID Version=\"1\">").append(pmid)
                    .append("</PMID><Article PubModel=\"Print\"><Journal><JournalIssue><Volume>1</Volume><PubDate><Year>2026</Year></PubDate>")
                    .append("</JournalIssue><Title>Replay journal of neuromodulation</Title><ISOAbbreviation>Replay J</ISOAbbreviation></Journal>")
                    .append("<ArticleTitle>Weekly record ").append(i + 1).append(" on motor cortex stimulation for neuropathic pain.</ArticleTitle>")
                    .append("<Abstract><AbstractText>Invented for CortexLit's tests.</AbstractText></Abstract>")
                    .append("<AuthorList><Author><LastName>Replay</LastName><ForeName>Test</ForeName><Initials>T</Initials></Author></AuthorList>")
                    .append("<Language>eng</Language><PublicationTypeList><PublicationType>Journal Article</PublicationType></PublicationTypeList>")
                    .append("</Article></MedlineCitation><PubmedData><ArticleIdList><ArticleId IdType=\"pubmed\">").append(pmid)
                    .append("</ArticleId></ArticleIdList></PubmedData></PubmedArticle>\n");
        }
        sb.append("</PubmedArticleSet>\n");
        send(x, 200, sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> params(HttpExchange x) throws IOException {
        String raw = x.getRequestURI().getRawQuery();
        if ("POST".equals(x.getRequestMethod())) {
            raw = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, String> m = new HashMap<>();
        if (raw != null) {
            for (String kv : raw.split("&")) {
                int eq = kv.indexOf('=');
                if (eq > 0) {
                    m.put(URLDecoder.decode(kv.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return m;
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = EutilsReplayServer.class.getResourceAsStream("/fixtures/eutils/" + name)) {
            return in.readAllBytes();
        }
    }

    private static void send(HttpExchange x, int status, byte[] body) throws IOException {
        x.getResponseHeaders().set("Content-Type", status == 200 ? "text/xml; charset=UTF-8" : "application/json");
        x.sendResponseHeaders(status, body.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(body);
        }
    }
}
