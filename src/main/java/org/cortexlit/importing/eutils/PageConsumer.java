package org.cortexlit.importing.eutils;

import java.io.IOException;
import java.io.InputStream;

/** Reads one efetch page of PubMed XML as it arrives, e.g. with {@code RecordReaders.open(page)}. */
@FunctionalInterface
public interface PageConsumer {

    /**
     * @param pubmedXml the response body; valid only during the call, closed by the client afterwards
     */
    void accept(InputStream pubmedXml) throws IOException;
}
