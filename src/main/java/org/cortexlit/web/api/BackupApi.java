package org.cortexlit.web.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.cortexlit.database.Backups;

import java.nio.file.Files;
import java.util.Map;

/** {@code POST /api/admin/backup}: an online backup of the H2 database (admins); 409 on PostgreSQL. */
@Path("/api/admin/backup")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class BackupApi {

    private final Backups backups;

    public BackupApi(Backups backups) {
        this.backups = backups;
    }

    /** 201 with {@code {"file", "bytes"}}: the zip to copy away; restoring it is in docs/operations.md. */
    @POST
    public Response backUp() throws java.io.IOException {
        try {
            java.nio.file.Path file = backups.backUp();
            return Response.status(201).entity(Map.of("file", file.toString(), "bytes", Files.size(file))).build();
        } catch (Backups.NotHere e) {
            return ImportsApi.error(409, e.getMessage());
        }
    }
}
