{{/*
Shared workload templates for the four services. Each per-service template builds a context:
  root       the chart's root context ($)
  component  gateway-service | key-service | config-service | model-catalog-service | admin-console
  values     the service's values block (.Values.gateway, .Values.keyService, ...)
  config     dict of extra non-secret environment (rendered into the service's ConfigMap)
  env        list of extra env entries (YAML strings): secretKeyRef / fieldRef only
  database   database name for the services that own one (empty for the gateway)
  replicas   false when an HPA owns the replica count
*/}}

{{/* A setting of the service block, or the `default` block's when the service leaves it empty. */}}
{{- define "aigw.setting" -}}
{{- $v := index .ctx.values .key }}
{{- if or (kindIs "invalid" $v) (and (not (kindIs "bool" $v)) (empty $v)) }}
{{- $v = index .ctx.root.Values.default .key }}
{{- end }}
{{- if or (kindIs "map" $v) (kindIs "slice" $v) }}{{ toYaml $v }}{{ else }}{{ $v }}{{ end }}
{{- end }}

{{/* The non-secret environment of a service, as ConfigMap data. */}}
{{- define "aigw.configData" -}}
{{- $root := .root }}
{{- $data := dict
  "QUARKUS_HTTP_PORT" (toString .values.containerPort)
  "QUARKUS_MANAGEMENT_PORT" (toString .values.managementPort)
  "AIGW_KAFKA_BOOTSTRAP" (include "aigw.kafka.bootstrap" $root)
  "AIGW_LOG_JSON" (include "aigw.setting" (dict "ctx" . "key" "logJson"))
  "JAVA_OPTS_APPEND" (include "aigw.setting" (dict "ctx" . "key" "javaOpts")) }}
{{- if not $root.Values.kafka.enabled }}
{{- with $root.Values.externalKafka.securityProtocol }}{{ $_ := set $data "KAFKA_SECURITY_PROTOCOL" . }}{{ end }}
{{- with $root.Values.externalKafka.saslMechanism }}{{ $_ := set $data "KAFKA_SASL_MECHANISM" . }}{{ end }}
{{- end }}
{{- with $root.Values.tracing.otlpEndpoint }}
{{- $_ := set $data "OTEL_SDK_DISABLED" "false" }}
{{- $_ := set $data "OTEL_EXPORTER_OTLP_ENDPOINT" . }}
{{- $_ := set $data "OTEL_EXPORTER_OTLP_PROTOCOL" $root.Values.tracing.protocol }}
{{- $_ := set $data "OTEL_TRACES_SAMPLER_ARG" (toString $root.Values.tracing.samplerRatio) }}
{{- end }}
{{- if .database }}
{{- $_ := set $data "AIGW_DB_HOST" (include "aigw.database.host" $root) }}
{{- $_ := set $data "AIGW_DB_PORT" (include "aigw.database.port" $root) }}
{{- $_ := set $data "AIGW_DB_USER" (include "aigw.database.user" $root) }}
{{- $_ := set $data "AIGW_DB_NAME" .database }}
{{- end }}
{{- range $k, $v := .config }}
{{- $_ := set $data $k (toString $v) }}
{{- end }}
{{- toYaml $data }}
{{- end }}

{{- define "aigw.configMap" -}}
apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ include "aigw.componentName" . }}
  namespace: {{ .root.Release.Namespace }}
  labels:
    {{- include "aigw.labels" . | nindent 4 }}
  {{- with .root.Values.commonAnnotations }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
data:
  {{- include "aigw.configData" . | nindent 2 }}
{{- end }}

{{/*
Environment read from Secrets (never inlined) plus the service's own valueFrom entries. Least privilege: the
gateway, the one internet-facing service, never receives the admin token (it has no admin API to guard); the admin
console receives no secret at all (operators bring their token, the owners check it).
*/}}
{{- define "aigw.secretEnv" -}}
{{- if not (has .component (list "gateway-service" "admin-console")) }}
{{ include "aigw.secrets.env" (dict "root" .root "env" "AIGW_ADMIN_TOKEN" "key" "adminToken") }}
{{- end }}
{{- if ne .component "admin-console" }}
{{ include "aigw.secrets.env" (dict "root" .root "env" "AIGW_SERVICE_TOKEN" "key" "serviceToken") }}
{{- end }}
{{- if and (ne .component "admin-console") (not .root.Values.kafka.enabled) .root.Values.externalKafka.existingSecret }}
- name: KAFKA_SASL_JAAS_CONFIG
  valueFrom:
    secretKeyRef:
      name: {{ .root.Values.externalKafka.existingSecret }}
      key: {{ .root.Values.externalKafka.existingSecretJaasConfigKey }}
{{- end }}
{{- if .database }}
- name: AIGW_DB_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ include "aigw.database.secretName" .root }}
      key: {{ include "aigw.database.secretKey" .root }}
{{- end }}
{{- range .env }}
{{ . }}
{{- end }}
{{- end }}

{{- define "aigw.deployment" -}}
{{- $root := .root }}
{{- $name := include "aigw.componentName" . }}
{{- $podSecurityContext := include "aigw.setting" (dict "ctx" . "key" "podSecurityContext") }}
{{- $containerSecurityContext := include "aigw.setting" (dict "ctx" . "key" "containerSecurityContext") }}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ $name }}
  namespace: {{ $root.Release.Namespace }}
  labels:
    {{- include "aigw.labels" . | nindent 4 }}
  {{- with $root.Values.commonAnnotations }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
spec:
  {{- if .replicas }}
  replicas: {{ include "aigw.setting" (dict "ctx" . "key" "replicaCount") }}
  {{- end }}
  revisionHistoryLimit: 5
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxSurge: 1
      maxUnavailable: 0
  selector:
    matchLabels:
      {{- include "aigw.selectorLabels" . | nindent 6 }}
  template:
    metadata:
      labels:
        {{- include "aigw.labels" . | nindent 8 }}
        {{- with (include "aigw.setting" (dict "ctx" . "key" "podLabels")) | fromYaml }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
      annotations:
        checksum/config: {{ include "aigw.configData" . | sha256sum }}
        checksum/secret: {{ include (print $root.Template.BasePath "/secret.yaml") $root | sha256sum }}
        {{- if $root.Values.metrics.podAnnotations }}
        prometheus.io/scrape: "true"
        prometheus.io/path: /q/metrics
        prometheus.io/port: {{ .values.managementPort | quote }}
        {{- end }}
        {{- with $root.Values.default.podAnnotations }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
        {{- with .values.podAnnotations }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
    spec:
      serviceAccountName: {{ include "aigw.serviceAccountName" $root }}
      automountServiceAccountToken: {{ $root.Values.serviceAccount.automountServiceAccountToken }}
      # No docker-link variables: AIGW_KEY_SERVICE_PORT=tcp://... would shadow the services' own settings.
      enableServiceLinks: false
      {{- with $root.Values.default.image.pullSecrets }}
      imagePullSecrets:
        {{- range . }}
        - name: {{ . }}
        {{- end }}
      {{- end }}
      securityContext:
        {{- $podSecurityContext | nindent 8 }}
      terminationGracePeriodSeconds: {{ include "aigw.setting" (dict "ctx" . "key" "terminationGracePeriodSeconds") }}
      containers:
        - name: {{ .component }}
          image: {{ include "aigw.image" (dict "root" $root "image" .values.image "registry" $root.Values.default.image.registry) | quote }}
          imagePullPolicy: {{ $root.Values.default.image.pullPolicy }}
          securityContext:
            {{- $containerSecurityContext | nindent 12 }}
          ports:
            - name: http
              containerPort: {{ .values.containerPort }}
              protocol: TCP
            # health, metrics and OpenAPI: never behind the service's public Service or Ingress
            - name: management
              containerPort: {{ .values.managementPort }}
              protocol: TCP
          envFrom:
            - configMapRef:
                name: {{ $name }}
          env:
            {{- include "aigw.secretEnv" . | nindent 12 }}
            {{- with $root.Values.default.extraEnv }}
            {{- toYaml . | nindent 12 }}
            {{- end }}
            {{- with .values.extraEnv }}
            {{- toYaml . | nindent 12 }}
            {{- end }}
          startupProbe:
            httpGet:
              path: /q/health/started
              port: management
            {{- include "aigw.setting" (dict "ctx" . "key" "startupProbe") | nindent 12 }}
          livenessProbe:
            httpGet:
              path: /q/health/live
              port: management
            {{- include "aigw.setting" (dict "ctx" . "key" "livenessProbe") | nindent 12 }}
          readinessProbe:
            httpGet:
              path: /q/health/ready
              port: management
            {{- include "aigw.setting" (dict "ctx" . "key" "readinessProbe") | nindent 12 }}
          resources:
            {{- include "aigw.setting" (dict "ctx" . "key" "resources") | nindent 12 }}
          volumeMounts:
            - name: tmp
              mountPath: /tmp
            {{- with .values.usageSpool }}
            - name: usage-spool
              mountPath: {{ .mountPath }}
              {{- if .existingClaim }}
              subPathExpr: $(AIGW_GATEWAY_INSTANCE_ID)
              {{- end }}
            {{- end }}
      volumes:
        - name: tmp
          emptyDir:
            sizeLimit: 256Mi
        {{- with .values.usageSpool }}
        - name: usage-spool
          {{- if .existingClaim }}
          persistentVolumeClaim:
            claimName: {{ .existingClaim }}
          {{- else }}
          emptyDir:
            sizeLimit: {{ .sizeLimit }}
          {{- end }}
        {{- end }}
      {{- with (include "aigw.setting" (dict "ctx" . "key" "nodeSelector")) | fromYaml }}
      nodeSelector:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with (include "aigw.setting" (dict "ctx" . "key" "affinity")) | fromYaml }}
      affinity:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with (include "aigw.setting" (dict "ctx" . "key" "tolerations")) | fromYamlArray }}
      tolerations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with (include "aigw.setting" (dict "ctx" . "key" "topologySpreadConstraints")) | fromYamlArray }}
      topologySpreadConstraints:
        {{- toYaml . | nindent 8 }}
      {{- end }}
{{- end }}

{{- define "aigw.service" -}}
apiVersion: v1
kind: Service
metadata:
  name: {{ include "aigw.componentName" . }}
  namespace: {{ .root.Release.Namespace }}
  labels:
    {{- include "aigw.labels" . | nindent 4 }}
  {{- with (merge (deepCopy (.values.service.annotations | default dict)) (.root.Values.commonAnnotations | default dict)) }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
spec:
  type: {{ .values.service.type }}
  ports:
    - name: http
      port: {{ .values.service.port }}
      targetPort: http
      protocol: TCP
  selector:
    {{- include "aigw.selectorLabels" . | nindent 4 }}
{{- end }}

{{/*
The management interface (health, metrics, OpenAPI) as a Service of its own, `<component>-management`, ClusterIP
only: what Prometheus scrapes, and never what an Ingress or a LoadBalancer points at.
*/}}
{{- define "aigw.managementService" -}}
apiVersion: v1
kind: Service
metadata:
  name: {{ include "aigw.componentName" . }}-management
  namespace: {{ .root.Release.Namespace }}
  labels:
    {{- include "aigw.labels" . | nindent 4 }}
    {{- include "aigw.managementLabel" . | nindent 4 }}
  {{- with .root.Values.commonAnnotations }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
spec:
  type: ClusterIP
  ports:
    - name: management
      port: {{ .values.managementPort }}
      targetPort: management
      protocol: TCP
  selector:
    {{- include "aigw.selectorLabels" . | nindent 4 }}
{{- end }}

{{/* The label that tells a management Service from the public one (ServiceMonitors select on it). */}}
{{- define "aigw.managementLabel" -}}
aigw.dev/interface: management
{{- end }}

{{- define "aigw.podDisruptionBudget" -}}
{{- $pdb := merge (deepCopy (.values.pdb | default dict)) .root.Values.default.pdb }}
{{- if $pdb.create }}
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {{ include "aigw.componentName" . }}
  namespace: {{ .root.Release.Namespace }}
  labels:
    {{- include "aigw.labels" . | nindent 4 }}
spec:
  {{- if and (not (kindIs "invalid" $pdb.minAvailable)) (ne (toString $pdb.minAvailable) "") }}
  minAvailable: {{ $pdb.minAvailable }}
  {{- else }}
  maxUnavailable: {{ $pdb.maxUnavailable }}
  {{- end }}
  selector:
    matchLabels:
      {{- include "aigw.selectorLabels" . | nindent 6 }}
{{- end }}
{{- end }}

{{- define "aigw.serviceMonitor" -}}
{{- if .root.Values.metrics.serviceMonitor.enabled }}
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata:
  name: {{ include "aigw.componentName" . }}
  namespace: {{ .root.Release.Namespace }}
  labels:
    {{- include "aigw.labels" . | nindent 4 }}
    {{- with .root.Values.metrics.serviceMonitor.labels }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
spec:
  selector:
    matchLabels:
      {{- include "aigw.selectorLabels" . | nindent 6 }}
      {{- include "aigw.managementLabel" . | nindent 6 }}
  endpoints:
    - port: management
      path: /q/metrics
      interval: {{ .root.Values.metrics.serviceMonitor.interval }}
      scrapeTimeout: {{ .root.Values.metrics.serviceMonitor.scrapeTimeout }}
{{- end }}
{{- end }}

{{/* Everything one service needs: ConfigMap, Deployment, Service, management Service, PDB, ServiceMonitor. */}}
{{- define "aigw.component" -}}
{{ include "aigw.configMap" . }}
---
{{ include "aigw.deployment" . }}
---
{{ include "aigw.service" . }}
---
{{ include "aigw.managementService" . }}
{{- with (include "aigw.podDisruptionBudget" .) }}
---
{{ . }}
{{- end }}
{{- with (include "aigw.serviceMonitor" .) }}
---
{{ . }}
{{- end }}
{{- end }}
