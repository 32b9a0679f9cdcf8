{{/*
Names and labels (as `helm create` writes them), plus the resolved addresses and Secret references
of the suite's dependencies. Workload templates live in _workload.tpl.
*/}}

{{/* Chart name, 63 chars at most. */}}
{{- define "aigw.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Fully qualified app name: release-chart unless the release name already contains the chart name. */}}
{{- define "aigw.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/* Chart name and version for the helm.sh/chart label. */}}
{{- define "aigw.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Name of a component's objects: <fullname>-<component>. Call with (dict "root" $ "component" "gateway-service"). */}}
{{- define "aigw.componentName" -}}
{{- printf "%s-%s" (include "aigw.fullname" .root) .component | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Selector labels. Call with (dict "root" $ "component" "...") ; component may be empty. */}}
{{- define "aigw.selectorLabels" -}}
app.kubernetes.io/name: {{ include "aigw.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- with .component }}
app.kubernetes.io/component: {{ . }}
{{- end }}
{{- end }}

{{/* Common labels. Call with (dict "root" $ "component" "..."). */}}
{{- define "aigw.labels" -}}
helm.sh/chart: {{ include "aigw.chart" .root }}
{{ include "aigw.selectorLabels" . }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
app.kubernetes.io/part-of: aigw
{{- with .root.Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{/* commonAnnotations as a block, or nothing. */}}
{{- define "aigw.annotations" -}}
{{- with .Values.commonAnnotations }}
{{- toYaml . }}
{{- end }}
{{- end }}

{{/* ServiceAccount name. */}}
{{- define "aigw.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "aigw.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* Image reference: registry/repository, then @digest or :tag (tag defaults to appVersion).
Call with (dict "root" $ "image" .image "registry" fallbackRegistry). */}}
{{- define "aigw.image" -}}
{{- $registry := .image.registry | default .registry -}}
{{- $repository := .image.repository -}}
{{- if $registry }}{{- $repository = printf "%s/%s" $registry .image.repository }}{{- end -}}
{{- if .image.digest -}}
{{- printf "%s@%s" $repository .image.digest -}}
{{- else -}}
{{- printf "%s:%s" $repository (.image.tag | default .root.Chart.AppVersion | toString) -}}
{{- end -}}
{{- end }}

{{/* ---------- Secrets ---------- */}}

{{/* Name of the Secret holding the suite's own secrets (admin, service and gateway tokens, pepper, master key). */}}
{{- define "aigw.secrets.name" -}}
{{- .Values.secrets.existingSecret | default (include "aigw.fullname" .) }}
{{- end }}

{{/* Key of a suite secret: the existingSecretKeys entry or the chart's own key. Call with (dict "root" $ "key" "masterKey"). */}}
{{- define "aigw.secrets.key" -}}
{{- if .root.Values.secrets.existingSecret }}
{{- index .root.Values.secrets.existingSecretKeys .key }}
{{- else }}
{{- index (dict "adminToken" "admin-token" "serviceToken" "service-token" "gatewayToken" "gateway-token" "keyPepper" "key-pepper" "masterKey" "master-key" "masterKeyId" "master-key-id" "previousMasterKeys" "previous-master-keys") .key }}
{{- end }}
{{- end }}

{{/* An env entry read from a suite secret. Call with (dict "root" $ "env" "AIGW_MASTER_KEY" "key" "masterKey"),
plus "optional" true for a key the Secret may lack. */}}
{{- define "aigw.secrets.env" -}}
- name: {{ .env }}
  valueFrom:
    secretKeyRef:
      name: {{ include "aigw.secrets.name" .root }}
      key: {{ include "aigw.secrets.key" . }}
      {{- if .optional }}
      optional: true
      {{- end }}
{{- end }}

{{/* ---------- Kafka ---------- */}}

{{- define "aigw.kafka.bootstrap" -}}
{{- if .Values.kafka.enabled }}
{{- printf "%s-kafka:9092" (include "aigw.fullname" .) }}
{{- else }}
{{- required "externalKafka.bootstrapServers is required (or kafka.enabled=true for a trial install)" .Values.externalKafka.bootstrapServers }}
{{- end }}
{{- end }}

{{/* ---------- PostgreSQL ---------- */}}

{{- define "aigw.database.host" -}}
{{- if .Values.postgresql.enabled }}
{{- printf "%s-postgresql" (include "aigw.fullname" .) }}
{{- else }}
{{- required "externalDatabase.host is required (or postgresql.enabled=true for a trial install)" .Values.externalDatabase.host }}
{{- end }}
{{- end }}

{{- define "aigw.database.port" -}}
{{- if .Values.postgresql.enabled }}5432{{ else }}{{ .Values.externalDatabase.port }}{{ end }}
{{- end }}

{{- define "aigw.database.user" -}}
{{- if .Values.postgresql.enabled }}{{ .Values.postgresql.auth.username }}{{ else }}{{ .Values.externalDatabase.user }}{{ end }}
{{- end }}

{{/* Secret and key of the database password. */}}
{{- define "aigw.database.secretName" -}}
{{- if and (not .Values.postgresql.enabled) .Values.externalDatabase.existingSecret }}
{{- .Values.externalDatabase.existingSecret }}
{{- else }}
{{- include "aigw.fullname" . }}
{{- end }}
{{- end }}

{{- define "aigw.database.secretKey" -}}
{{- if and (not .Values.postgresql.enabled) .Values.externalDatabase.existingSecret }}
{{- .Values.externalDatabase.existingSecretPasswordKey }}
{{- else }}database-password{{- end }}
{{- end }}

{{/* The password the chart puts in its own Secret, or empty when an existing Secret holds it. */}}
{{- define "aigw.database.inlinePassword" -}}
{{- if .Values.postgresql.enabled }}
{{- required "postgresql.auth.password is required when postgresql.enabled" .Values.postgresql.auth.password }}
{{- else if not .Values.externalDatabase.existingSecret }}
{{- required "externalDatabase.password or externalDatabase.existingSecret is required" .Values.externalDatabase.password }}
{{- end }}
{{- end }}

{{/* ---------- Redis ---------- */}}

{{- define "aigw.redis.url" -}}
{{- if .Values.redis.enabled }}
{{- printf "redis://%s-redis:6379" (include "aigw.fullname" .) }}
{{- else }}
{{- $host := required "externalRedis.host is required (or redis.enabled=true for a trial install)" .Values.externalRedis.host }}
{{- printf "%s://%s:%v" (ternary "rediss" "redis" .Values.externalRedis.tls) $host .Values.externalRedis.port }}
{{- end }}
{{- end }}

{{/* True (non-empty) when the gateway must send a Redis password. */}}
{{- define "aigw.redis.hasPassword" -}}
{{- if or .Values.redis.enabled .Values.externalRedis.existingSecret .Values.externalRedis.password }}true{{ end }}
{{- end }}

{{- define "aigw.redis.secretName" -}}
{{- if and (not .Values.redis.enabled) .Values.externalRedis.existingSecret }}
{{- .Values.externalRedis.existingSecret }}
{{- else }}
{{- include "aigw.fullname" . }}
{{- end }}
{{- end }}

{{- define "aigw.redis.secretKey" -}}
{{- if and (not .Values.redis.enabled) .Values.externalRedis.existingSecret }}
{{- .Values.externalRedis.existingSecretPasswordKey }}
{{- else }}redis-password{{- end }}
{{- end }}

{{- define "aigw.redis.inlinePassword" -}}
{{- if .Values.redis.enabled }}
{{- required "redis.auth.password is required when redis.enabled" .Values.redis.auth.password }}
{{- else if not .Values.externalRedis.existingSecret }}
{{- .Values.externalRedis.password }}
{{- end }}
{{- end }}

{{/* In-cluster URL of a service. Call with (dict "root" $ "component" "key-service" "port" 8081). */}}
{{- define "aigw.serviceUrl" -}}
{{- printf "http://%s:%v" (include "aigw.componentName" .) .port }}
{{- end }}

{{/* Pod security context and container security context of the dependency pods (official images). */}}
{{- define "aigw.dependency.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: {{ .uid }}
runAsGroup: {{ .uid }}
fsGroup: {{ .uid }}
seccompProfile:
  type: RuntimeDefault
{{- end }}

{{- define "aigw.dependency.containerSecurityContext" -}}
runAsNonRoot: true
allowPrivilegeEscalation: false
readOnlyRootFilesystem: {{ .readOnlyRootFilesystem }}
privileged: false
capabilities:
  drop:
    - ALL
seccompProfile:
  type: RuntimeDefault
{{- end }}

{{/* NetworkPolicy peers: the release's pods of the given components. Call with (dict "root" $ "components" (list …)). */}}
{{- define "aigw.networkPolicy.components" -}}
- podSelector:
    matchLabels:
      {{- include "aigw.selectorLabels" (dict "root" .root "component" "") | nindent 6 }}
    matchExpressions:
      - key: app.kubernetes.io/component
        operator: In
        values:
          {{- toYaml .components | nindent 10 }}
{{- end }}

{{/* The ports of externalKafka.bootstrapServers (host:port[,host:port]), as a YAML list, each once. */}}
{{- define "aigw.networkPolicy.kafkaPorts" -}}
{{- $ports := list }}
{{- range splitList "," .Values.externalKafka.bootstrapServers }}
{{- $port := regexFind "[0-9]+$" (trim .) }}
{{- if and $port (not (has (atoi $port) $ports)) }}
{{- $ports = append $ports (atoi $port) }}
{{- end }}
{{- end }}
{{- toYaml $ports }}
{{- end }}
