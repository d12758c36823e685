// The peer side of bench/Invoke-Benchmark.ps1: the official Genesys Cloud JS SDK (purecloud-platform-client-v2)
// logs in with client credentials against the emulator and lists the OAuth clients and the scope registry, as a
// script using the SDK directly would (both listings at once). It reports from inside itself, as JSON to the file
// named by its first argument: times from the script's first line, CPU (process.cpuUsage) and peak memory
// (process.resourceUsage().maxRSS). Endpoints and credentials come in the environment; the secret never on the
// command line.
'use strict';
const started = process.hrtime.bigint();
const elapsedMs = () => Number(process.hrtime.bigint() - started) / 1e6;
const fs = require('fs');
const platformClient = require('purecloud-platform-client-v2');
const loadedMs = elapsedMs();

// The emulator serves the login and API hosts on two ports of 127.0.0.1: the SDK's gateway setting points it at
// one, then the other (setEnvironment only builds https://login.<env> and https://api.<env>).
function gatewayFor(baseUri) {
  const url = new URL(baseUri);
  return { host: url.hostname, protocol: url.protocol.replace(':', ''), port: Number(url.port) };
}

async function main() {
  const resultPath = process.argv[2];
  const client = platformClient.ApiClient.instance;
  client.setEnvironment('mypurecloud.ie');
  client.setGateway(gatewayFor(process.env.OAUTHAUDIT_BENCH_LOGIN_URI));
  await client.loginClientCredentialsGrant(process.env.OAUTHAUDIT_BENCH_CLIENT_ID, process.env.OAUTHAUDIT_BENCH_SECRET);
  const connectedMs = elapsedMs();
  client.setGateway(gatewayFor(process.env.OAUTHAUDIT_BENCH_API_URI));

  const oauth = new platformClient.OAuthApi();
  // The first object is the first OAuth client, as the module's is the first client's audit result.
  let firstObjectMs = null;
  const first = (listing) => { if (listing.entities.length > 0) firstObjectMs = elapsedMs(); return listing; };
  const [clients, scopes] = await Promise.all([oauth.getOauthClients().then(first), oauth.getOauthScopes()]);
  const wallMs = elapsedMs();

  const cpu = process.cpuUsage();
  const result = {
    side: 'peer',
    mode: 'Audit',
    sdk: require('purecloud-platform-client-v2/package.json').version,
    processStartToScriptMs: Math.round((process.uptime() * 1000 - wallMs) * 10) / 10,
    importMs: Math.round(loadedMs * 10) / 10,
    connectedMs: Math.round(connectedMs * 10) / 10,
    firstObjectMs: Math.round(firstObjectMs * 10) / 10,
    wallMs: Math.round(wallMs * 10) / 10,
    objects: clients.entities.length + scopes.entities.length,
    clients: clients.entities.length,
    scopes: scopes.entities.length,
    cpuMs: Math.round((cpu.user + cpu.system) / 100) / 10,
    // maxRSS is in kilobytes.
    peakMemoryBytes: process.resourceUsage().maxRSS * 1024,
  };
  fs.writeFileSync(resultPath, JSON.stringify(result));
}

main().then(() => process.exit(0), (error) => {
  // The SDK's errors can carry the request; print only what went wrong.
  console.error(`peer: ${error && (error.message || error.status || error.name) || error}`);
  process.exit(1);
});
