{{- define "arbiter.fullname" -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "arbiter.labels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
{{- end -}}

{{- define "arbiter.selector" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "arbiter.env" -}}
- name: DATABASE_URL
  valueFrom:
    secretKeyRef:
      name: {{ .Values.database.existingSecret }}
      key: {{ .Values.database.key }}
- name: ARBITER_MASTER_KEYS
  valueFrom:
    secretKeyRef:
      name: {{ .Values.masterKeys.existingSecret }}
      key: {{ .Values.masterKeys.key }}
- name: LOG_LEVEL
  value: {{ .Values.logLevel | quote }}
{{- end -}}
