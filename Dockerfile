# syntax=docker/dockerfile:1
# StreamPrivacy container image: `docker build -t streamprivacy:latest .`
# Runs as UID 10001, writes nothing outside /tmp (works with readOnlyRootFilesystem + an emptyDir /tmp).

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore first (cached layer): solution-wide props pin every package version centrally.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/Service.Runtime.props src/
COPY src/StreamPrivacy.Core/StreamPrivacy.Core.csproj src/StreamPrivacy.Core/
COPY src/StreamPrivacy.Kafka/StreamPrivacy.Kafka.csproj src/StreamPrivacy.Kafka/
COPY src/StreamPrivacy.Ner.Onnx/StreamPrivacy.Ner.Onnx.csproj src/StreamPrivacy.Ner.Onnx/
COPY src/StreamPrivacy.Cli/StreamPrivacy.Cli.csproj src/StreamPrivacy.Cli/
RUN dotnet restore src/StreamPrivacy.Cli/StreamPrivacy.Cli.csproj
# Sources; schemas/*.avsc are embedded into StreamPrivacy.Kafka.
COPY schemas/ schemas/
COPY src/ src/
RUN dotnet publish src/StreamPrivacy.Cli/StreamPrivacy.Cli.csproj -c Release --no-restore \
        -p:UseAppHost=false -o /app

FROM mcr.microsoft.com/dotnet/runtime:10.0 AS runtime
WORKDIR /app
COPY --from=build --chown=root:root /app ./
# Fixed non-root UID/GID (matches runAsUser/fsGroup in k8s/base/deployment.yaml); the app files stay
# owned by root and read-only for it.
RUN groupadd --system --gid 10001 streamprivacy \
 && useradd --system --uid 10001 --gid 10001 --no-create-home --home-dir /nonexistent \
        --shell /usr/sbin/nologin streamprivacy
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    TMPDIR=/tmp
USER 10001:10001
# 8080: /healthz and /readyz; 9464: Prometheus /metrics (telemetry.health_port / prometheus_port).
EXPOSE 8080 9464
ENTRYPOINT ["dotnet", "streamprivacy.dll"]
CMD ["run", "--config", "/etc/streamprivacy/config.yaml"]
