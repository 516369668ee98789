#!/usr/bin/env python3
"""Static checks of deploy/: every YAML file parses, and the files say what the app's contract needs.
    python3 deploy/checks/check-files.py        (needs PyYAML: Debian's python3-yaml)
Prints one line per check and exits 1 if any failed. It reads the files only; nothing is started."""
import pathlib
import re
import sys

import yaml

DEPLOY = pathlib.Path(__file__).resolve().parent.parent
failures = []


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures.append(what)


def seconds(value):
    m = re.fullmatch(r"(\d+)(ms|s|m|h)?", str(value))
    return int(m.group(1)) * {"ms": 0.001, "s": 1, "m": 60, "h": 3600, None: 1}[m.group(2)] if m else None


# Settings every way of running CortexLit on PostgreSQL must spell out.
POSTGRES_NODE_ENV = ["QUARKUS_PROFILE", "CORTEXLIT_DB_URL", "CORTEXLIT_DB_USERNAME", "CORTEXLIT_DB_PASSWORD",
                     "CORTEXLIT_NODE_NAME", "CORTEXLIT_DATA_DIR", "CORTEXLIT_ADMIN_PASSWORD", "CORTEXLIT_ADMIN_USERNAME",
                     "QUARKUS_HTTP_PORT", "JAVA_OPTS", "CORTEXLIT_EUTILS_EMAIL", "CORTEXLIT_EUTILS_API_KEY",
                     "CORTEXLIT_DIGEST_ENABLED", "CORTEXLIT_DIGEST_BASE_URL", "QUARKUS_MAILER_HOST", "QUARKUS_MAILER_PORT",
                     "QUARKUS_MAILER_FROM", "QUARKUS_MAILER_USERNAME", "QUARKUS_MAILER_PASSWORD",
                     "QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING", "QUARKUS_LOG_CONSOLE_JSON_ENABLED"]

# --- every YAML file parses -------------------------------------------------------------------------------------
docs = {}
for path in sorted(DEPLOY.rglob("*.yaml")):
    try:
        docs[path] = [d for d in yaml.safe_load_all(path.read_text()) if d is not None]
        check(bool(docs[path]), f"{path.relative_to(DEPLOY)} parses ({len(docs[path])} document(s))")
    except yaml.YAMLError as e:
        check(False, f"{path.relative_to(DEPLOY)} parses: {e}")

# --- Containerfile ----------------------------------------------------------------------------------------------
cf = (DEPLOY / "Containerfile").read_text()
instr = [l.strip() for l in re.sub(r"\\\n", " ", cf).splitlines() if l.strip() and not l.lstrip().startswith("#")]
base = next((l.split()[1] for l in instr if l.startswith("FROM ")), "")
check(re.search(r"(eclipse-temurin:17-jre|ubi9/openjdk-17-runtime)", base) is not None,
      f"Containerfile: a maintained Java 17 runtime base image ({base})")
copies = " ".join(l for l in instr if l.startswith("COPY "))
check(all(p in copies for p in ["lib/", "quarkus-run.jar", "app/", "quarkus/"]),
      "Containerfile: copies the four parts of target/quarkus-app")
check("./mvnw -B package -DskipTests" in cf, "Containerfile: names the README's build command")
user = next((l.split()[1] for l in reversed(instr) if l.startswith("USER ")), "root")
check(user.split(":")[0] not in ("root", "0"), f"Containerfile: runs as a non-root user ({user})")
check(any(l.startswith("VOLUME") and "/data" in l for l in instr), "Containerfile: /data is a volume")
check(re.search(r"CORTEXLIT_DATA_DIR=/data\b", cf) is not None, "Containerfile: CORTEXLIT_DATA_DIR=/data")
check(any(l == "EXPOSE 8080" for l in instr), "Containerfile: EXPOSE 8080")
hc = next((l for l in instr if l.startswith("HEALTHCHECK")), "")
check("/q/health/ready" in hc and "curl" in hc, "Containerfile: HEALTHCHECK on /q/health/ready with curl")
check(any(l.startswith("CMD") and "exec java" in l and "JAVA_OPTS" in l and "quarkus-run.jar" in l for l in instr),
      "Containerfile: CMD execs java with $JAVA_OPTS -jar quarkus-run.jar")

# --- compose.yaml -----------------------------------------------------------------------------------------------
compose = docs[DEPLOY / "compose.yaml"][0]
services = compose.get("services", {})
db = services.get("db", {})
check(str(db.get("image", "")).endswith("postgres:16"), f"compose: db is the official postgres:16 ({db.get('image')})")
check("pg_isready" in str(db.get("healthcheck", {}).get("test")), "compose: db healthcheck uses pg_isready")
check(any(str(v).endswith(":/var/lib/postgresql/data") for v in db.get("volumes", [])), "compose: db has a volume")
env_example = (DEPLOY / ".env.example").read_text()
example_keys = set(re.findall(r"^([A-Z_][A-Z0-9_]*)=", env_example, re.M))
referenced = set(re.findall(r"\$\{([A-Z_][A-Z0-9_]*)", (DEPLOY / "compose.yaml").read_text()))
check(referenced <= example_keys, f"compose: every ${{VAR}} is in .env.example (missing: {sorted(referenced - example_keys)})")
volumes_used = []
for name, port in (("node-a", 8080), ("node-b", 8081)):
    node = services.get(name)
    check(node is not None, f"compose: service {name}")
    if node is None:
        continue
    env = node.get("environment", {})
    missing = [k for k in POSTGRES_NODE_ENV if k not in env]
    check(not missing, f"compose: {name} spells out every setting (missing: {missing})")
    check(env.get("CORTEXLIT_NODE_NAME") == name, f"compose: {name} has CORTEXLIT_NODE_NAME={name}")
    check(env.get("QUARKUS_PROFILE") == "postgres" and "@" not in str(env.get("CORTEXLIT_DB_URL"))
          and str(env.get("CORTEXLIT_DB_URL", "")).startswith("jdbc:postgresql://db:5432/"),
          f"compose: {name} on PostgreSQL at db:5432")
    check(f"{port}:8080" in [str(p) for p in node.get("ports", [])], f"compose: {name} on host port {port}")
    data = [v for v in node.get("volumes", []) if str(v).endswith(":/data")]
    check(len(data) == 1, f"compose: {name} mounts a volume at /data")
    volumes_used += [str(v).split(":")[0] for v in data]
    deps = node.get("depends_on", {})
    check(deps.get("db", {}).get("condition") == "service_healthy", f"compose: {name} waits for db to be healthy")
    test = " ".join(map(str, node.get("healthcheck", {}).get("test", [])))
    check("http://127.0.0.1:8080/q/health/ready" in test, f"compose: {name} healthcheck on /q/health/ready")
    check((seconds(node.get("stop_grace_period", "10s")) or 0) > 30, f"compose: {name} gets more than 30 s to stop")
check(len(set(volumes_used)) == 2, f"compose: each node has its own data volume ({volumes_used})")

# --- Kubernetes -------------------------------------------------------------------------------------------------
k8s = DEPLOY / "k8s"
kustomization = docs[k8s / "kustomization.yaml"][0]
resources = kustomization.get("resources", [])
check(all((k8s / r).exists() for r in resources), f"k8s: kustomization's resources exist ({resources})")
check("postgres-cnpg.yaml" not in resources, "k8s: the optional CloudNativePG cluster is not in the kustomization")
objects = []
for path, ds in docs.items():
    if path.parent == k8s and path.name != "kustomization.yaml":
        for d in ds:
            name = f"{path.name}: {d.get('kind')}/{d.get('metadata', {}).get('name')}"
            check(bool(d.get("apiVersion")) and bool(d.get("kind")) and bool(d.get("metadata", {}).get("name")),
                  f"k8s: {name} has apiVersion, kind and metadata.name")
            if path.name in resources:
                objects.append(d)
by_kind = {}
for o in objects:
    by_kind.setdefault(o["kind"], []).append(o)
sts = by_kind.get("StatefulSet", [{}])[0]
spec = sts.get("spec", {})
pod = spec.get("template", {}).get("spec", {})
labels = spec.get("template", {}).get("metadata", {}).get("labels", {})
check(spec.get("selector", {}).get("matchLabels", {}).items() <= labels.items(), "k8s: the StatefulSet's selector matches its pods")
container = (pod.get("containers") or [{}])[0]
ports = {p.get("name"): p.get("containerPort") for p in container.get("ports", [])}
check(8080 in ports.values(), "k8s: container port 8080")
for probe, path in (("startupProbe", "/q/health/live"), ("livenessProbe", "/q/health/live"),
                    ("readinessProbe", "/q/health/ready")):
    get = container.get(probe, {}).get("httpGet", {})
    port = ports.get(get.get("port"), get.get("port"))
    check(get.get("path") == path and port == 8080, f"k8s: {probe} on {path} port 8080 ({get})")
node_name = [e for e in container.get("env", []) if e.get("name") == "CORTEXLIT_NODE_NAME"]
check(bool(node_name) and node_name[0].get("valueFrom", {}).get("fieldRef", {}).get("fieldPath") == "metadata.name",
      "k8s: CORTEXLIT_NODE_NAME from the pod name (downward API)")
res = container.get("resources", {})
check(bool(res.get("requests")) and bool(res.get("limits", {}).get("memory")), "k8s: resources (requests, memory limit)")
check(pod.get("terminationGracePeriodSeconds", 30) > 30, "k8s: more than 30 s to stop")
check(pod.get("securityContext", {}).get("runAsNonRoot") is True, "k8s: runs as non-root")
mounts = {m["name"]: m["mountPath"] for m in container.get("volumeMounts", [])}
claims = [c["metadata"]["name"] for c in spec.get("volumeClaimTemplates", [])]
emptydirs = [v["name"] for v in pod.get("volumes", []) if "emptyDir" in v]
check(mounts.get("data") == "/data" and ("data" in claims or "data" in emptydirs), "k8s: /data is a per-pod volume")
if container.get("securityContext", {}).get("readOnlyRootFilesystem"):
    check(mounts.get("tmp") == "/tmp" and "tmp" in emptydirs, "k8s: read-only root file system with a writable /tmp")
services_k8s = {s["metadata"]["name"]: s for s in by_kind.get("Service", [])}
headless = services_k8s.get(spec.get("serviceName"), {})
check(headless.get("spec", {}).get("clusterIP") == "None", f"k8s: serviceName {spec.get('serviceName')} is a headless Service")
for s in services_k8s.values():
    sel = s["spec"].get("selector", {})
    check(sel.items() <= labels.items(), f"k8s: Service {s['metadata']['name']} selects the pods")
    check(all(p.get("targetPort") in ports or p.get("targetPort") in ports.values() for p in s["spec"]["ports"]),
          f"k8s: Service {s['metadata']['name']} targets the container's port")
config = {c["metadata"]["name"]: c for c in by_kind.get("ConfigMap", [])}
secrets = {c["metadata"]["name"]: c for c in by_kind.get("Secret", [])}
env_names = {e["name"] for e in container.get("env", [])}
for ref in container.get("envFrom", []):
    if "configMapRef" in ref:
        name = ref["configMapRef"]["name"]
        check(name in config, f"k8s: ConfigMap {name} is defined")
        env_names |= set(config.get(name, {}).get("data", {}))
    if "secretRef" in ref:
        name = ref["secretRef"]["name"]
        check(name in secrets, f"k8s: Secret {name} is defined")
        env_names |= set(secrets.get(name, {}).get("stringData", {})) | set(secrets.get(name, {}).get("data", {}))
missing = [k for k in POSTGRES_NODE_ENV if k not in env_names]
check(not missing, f"k8s: every setting is spelled out (missing: {missing})")
secret_keys = set().union(*[set(s.get("stringData", {})) for s in secrets.values()]) if secrets else set()
check({"CORTEXLIT_ADMIN_PASSWORD", "CORTEXLIT_DB_USERNAME", "CORTEXLIT_DB_PASSWORD"} <= secret_keys,
      "k8s: admin password and database credentials are in a Secret")
check(not any(k in str(config) for k in ("CORTEXLIT_ADMIN_PASSWORD", "CORTEXLIT_DB_PASSWORD")),
      "k8s: no password in the ConfigMap")
cnpg = docs.get(k8s / "postgres-cnpg.yaml", [{}])[0]
check(cnpg.get("kind") == "Cluster" and cnpg.get("apiVersion", "").startswith("postgresql.cnpg.io/"),
      "k8s: postgres-cnpg.yaml is a CloudNativePG Cluster")
db_host = re.match(r"jdbc:postgresql://([^:/]+)", next(iter(config.values()), {}).get("data", {}).get("CORTEXLIT_DB_URL", ""))
check(db_host is not None and db_host.group(1) == f"{cnpg.get('metadata', {}).get('name')}-rw",
      "k8s: CORTEXLIT_DB_URL names the CloudNativePG cluster's read-write service")

# --- systemd ----------------------------------------------------------------------------------------------------
unit = (DEPLOY / "systemd" / "cortexlit.service").read_text()
keys = dict(re.findall(r"^([A-Za-z]+)=(.*)$", unit, re.M))
check(keys.get("User") not in (None, "root"), f"systemd: a dedicated user ({keys.get('User')})")
check(keys.get("EnvironmentFile") == "/etc/cortexlit/cortexlit.env", "systemd: EnvironmentFile=/etc/cortexlit/cortexlit.env")
check(bool(keys.get("WorkingDirectory")), "systemd: WorkingDirectory")
check(keys.get("Restart") == "on-failure", "systemd: Restart=on-failure")
check((seconds(keys.get("TimeoutStopSec", "0")) or 0) > 30, "systemd: TimeoutStopSec above 30 s")
check("143" in keys.get("SuccessExitStatus", ""), "systemd: SuccessExitStatus=143 (the JVM's exit on SIGTERM)")
env_file = (DEPLOY / "systemd" / "cortexlit.env.example").read_text()
state = "/var/lib/" + keys.get("StateDirectory", "")
check(f"CORTEXLIT_DATA_DIR={state}\n" in env_file, f"systemd: the env file's data folder is the StateDirectory ({state})")
check(keys.get("ProtectSystem") == "strict", "systemd: ProtectSystem=strict (only the state directory is writable)")
check("MemoryDenyWriteExecute" not in keys, "systemd: no MemoryDenyWriteExecute (the JIT needs it off)")

print(f"\n{len(failures)} failed" if failures else "\nall checks passed")
sys.exit(1 if failures else 0)
