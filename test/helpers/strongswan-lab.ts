/**
 * A two-host IKEv2 lab for tests: two network namespaces joined by a veth pair. Each
 * runs its own charon (Debian's strongSwan) with the kernel-libipsec plugin, its own
 * strongswan.conf, log file and vici socket, and a private /run because charon's pid
 * file path is fixed. Everything lives in a temporary folder that stop() removes.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CHARON = '/usr/lib/ipsec/charon';
/** starter reads an ipsec.conf and loads it into the charon it starts, through the stroke plugin. */
export const STARTER = '/usr/lib/ipsec/starter';

/** Addresses used only inside the lab's namespaces (RFC 5737 documentation ranges). */
export const LAB_ADDRESSES = {
  gatewayOuter: '192.0.2.1',
  clientOuter: '192.0.2.2',
  gatewayInner: '198.51.100.1',
  clientInner: '203.0.113.2',
} as const;

/** Lists what the lab needs and the machine lacks; empty when everything is there. */
export function findMissingRequirements(): string[] {
  const missing: string[] = [];
  if (process.platform !== 'linux') {
    missing.push('Linux network namespaces (not on this platform)');
    return missing;
  }
  if (process.getuid?.() !== 0) {
    missing.push('root (to create network namespaces)');
  }
  if (!existsSync('/dev/net/tun')) {
    missing.push('the TUN device /dev/net/tun (kernel-libipsec needs it)');
  }
  for (const [tool, path] of [
    ['charon (strongswan-charon)', CHARON],
    ['starter (strongswan-starter)', STARTER],
    ['swanctl (strongswan-swanctl)', '/usr/sbin/swanctl'],
    [
      'kernel-libipsec plugin (libcharon-extra-plugins)',
      '/usr/lib/ipsec/plugins/libstrongswan-kernel-libipsec.so',
    ],
    [
      'openssl plugin (libstrongswan-standard-plugins)',
      '/usr/lib/ipsec/plugins/libstrongswan-openssl.so',
    ],
    ['ip (iproute2)', '/usr/sbin/ip'],
    ['unshare (util-linux)', '/usr/bin/unshare'],
    ['ping (iputils-ping)', '/usr/bin/ping'],
  ] as const) {
    if (!existsSync(path)) {
      missing.push(`${tool} at ${path}`);
    }
  }
  if (missing.length === 0 && run('unshare', ['--net', '--mount', 'true'], 5_000).status !== 0) {
    missing.push(
      'permission to create network and mount namespaces (unshare --net --mount failed)',
    );
  }
  return missing;
}

/** Runs a command with a bounded wait; returns its exit status and output. */
export function run(command: string, args: string[], timeoutMs = 20_000) {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: timeoutMs });
  return {
    status: result.status ?? -1,
    output: `${result.stdout ?? ''}${result.stderr ?? ''}`,
  };
}

function runOrThrow(command: string, args: string[]): void {
  const result = run(command, args);
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (${result.status}): ${result.output}`);
  }
}

function sleep(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

const PLUGINS =
  'random nonce openssl pem pkcs1 x509 pubkey hmac sha1 sha2 md5 aes gcm kdf kernel-libipsec kernel-netlink socket-default vici stroke';

function writeStrongswanConf(folder: string): void {
  writeFileSync(
    join(folder, 'strongswan.conf'),
    `charon {
  load = ${PLUGINS}
  plugins {
    vici {
      socket = unix://${folder}/charon.vici
    }
    stroke {
      secrets_file = ${folder}/ipsec.secrets
    }
  }
  filelog {
    lab {
      path = ${folder}/charon.log
      default = 1
      cfg = 2
      ike_name = yes
      flush_line = yes
    }
  }
}
`,
  );
}

/** One charon daemon in its namespace. */
export class Peer {
  process: ChildProcess | undefined;

  constructor(
    readonly name: string,
    readonly namespace: string,
    readonly folder: string,
  ) {}

  get vici(): string {
    return `unix://${this.folder}/charon.vici`;
  }

  get logFile(): string {
    return join(this.folder, 'charon.log');
  }

  /** Starts charon with a private /run inside the namespace, and waits for its vici socket. */
  async start(): Promise<void> {
    await this.startDaemon(CHARON);
  }

  /**
   * Starts starter with an ipsec.conf and ipsec.secrets in place of a bare charon, and
   * waits until starter has added the connection `conn`.
   */
  async startStarter(ipsecConf: string, secrets: string, conn: string): Promise<void> {
    writeFileSync(join(this.folder, 'ipsec.conf'), ipsecConf);
    writeFileSync(join(this.folder, 'ipsec.secrets'), secrets);
    const offset = this.logSize();
    await this.startDaemon(`${STARTER} --nofork --conf ${this.folder}/ipsec.conf`);
    const added = new RegExp(`added configuration '${conn}'`);
    for (let attempt = 0; attempt < 100; attempt++) {
      if (added.test(this.logSince(offset))) {
        return;
      }
      await sleep(100);
    }
    throw new Error(`starter for ${this.name} did not add conn ${conn} within 10 s`);
  }

  private async startDaemon(command: string): Promise<void> {
    mkdirSync(join(this.folder, 'run'), { recursive: true });
    writeStrongswanConf(this.folder);
    rmSync(join(this.folder, 'charon.vici'), { force: true });
    const script = `mount --bind ${this.folder}/run /run && exec ${command}`;
    this.process = spawn(
      'ip',
      ['netns', 'exec', this.namespace, 'unshare', '-m', 'sh', '-c', script],
      {
        env: { ...process.env, STRONGSWAN_CONF: join(this.folder, 'strongswan.conf') },
        stdio: 'ignore',
      },
    );
    for (let attempt = 0; attempt < 100; attempt++) {
      if (existsSync(join(this.folder, 'charon.vici'))) {
        return;
      }
      if (this.process.exitCode !== null) {
        break;
      }
      await sleep(100);
    }
    throw new Error(`${command} for ${this.name} did not open its vici socket within 10 s`);
  }

  /** Loads a swanctl.conf (connections and secrets), replacing what was loaded before. */
  load(swanctlConf: string): void {
    const file = join(this.folder, 'swanctl.conf');
    writeFileSync(file, swanctlConf);
    const result = run('swanctl', ['--load-all', '--noprompt', '--file', file, '--uri', this.vici]);
    if (result.status !== 0) {
      throw new Error(`swanctl --load-all for ${this.name} failed: ${result.output}`);
    }
  }

  swanctl(args: string[], timeoutMs = 20_000) {
    return run('swanctl', [...args, '--uri', this.vici], timeoutMs);
  }

  logSize(): number {
    return existsSync(this.logFile) ? statSync(this.logFile).size : 0;
  }

  /** Log text written since `offset`. */
  logSince(offset: number): string {
    return readFileSync(this.logFile).subarray(offset).toString('utf8');
  }

  /** Stops the daemon (charon or starter): SIGTERM, then SIGKILL after 5 s. */
  async stop(): Promise<void> {
    const child = this.process;
    if (child !== undefined && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    await this.stopOrphanedCharon();
  }

  /**
   * Stops a charon that outlived a killed starter, found by the pid file in this peer's
   * private /run, so only a daemon this lab started is signalled.
   */
  private async stopOrphanedCharon(): Promise<void> {
    const pidFile = join(this.folder, 'run', 'charon.pid');
    const pid = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').trim()) : NaN;
    const isCharon = (): boolean =>
      existsSync(`/proc/${pid}/cmdline`) &&
      readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('charon');
    if (!Number.isInteger(pid) || !isCharon()) {
      return;
    }
    process.kill(pid, 'SIGTERM');
    for (let attempt = 0; attempt < 50 && isCharon(); attempt++) {
      await sleep(100);
    }
    if (isCharon()) {
      process.kill(pid, 'SIGKILL');
    }
  }
}

/** The two namespaces, the veth pair and both daemons. */
export class Lab {
  readonly folder = mkdtempSync(join(tmpdir(), 'aovpn-strongswan-lab-'));
  readonly suffix = String(process.pid);
  readonly gateway = new Peer('gateway', `aovpn-gw-${this.suffix}`, join(this.folder, 'gateway'));
  readonly client = new Peer('client', `aovpn-cl-${this.suffix}`, join(this.folder, 'client'));
  private namespaces: string[] = [];

  async start(): Promise<void> {
    const { gatewayOuter, clientOuter, gatewayInner, clientInner } = LAB_ADDRESSES;
    const vethGateway = `avg${this.suffix}`.slice(0, 15);
    const vethClient = `avc${this.suffix}`.slice(0, 15);
    for (const peer of [this.gateway, this.client]) {
      runOrThrow('ip', ['netns', 'add', peer.namespace]);
      this.namespaces.push(peer.namespace);
      runOrThrow('ip', ['-n', peer.namespace, 'link', 'set', 'lo', 'up']);
    }
    runOrThrow('ip', [
      'link',
      'add',
      vethGateway,
      'netns',
      this.gateway.namespace,
      'type',
      'veth',
      'peer',
      'name',
      vethClient,
      'netns',
      this.client.namespace,
    ]);
    for (const [peer, device, outer, inner] of [
      [this.gateway, vethGateway, gatewayOuter, gatewayInner],
      [this.client, vethClient, clientOuter, clientInner],
    ] as const) {
      runOrThrow('ip', ['-n', peer.namespace, 'addr', 'add', `${outer}/24`, 'dev', device]);
      runOrThrow('ip', ['-n', peer.namespace, 'link', 'set', device, 'up']);
      runOrThrow('ip', ['-n', peer.namespace, 'addr', 'add', `${inner}/32`, 'dev', 'lo']);
      mkdirSync(peer.folder, { recursive: true });
      await peer.start();
    }
  }

  /** Pings the gateway's inner address from the client's, which only the tunnel routes. */
  ping(): boolean {
    const { gatewayInner, clientInner } = LAB_ADDRESSES;
    const result = run(
      'ip',
      [
        'netns',
        'exec',
        this.client.namespace,
        'ping',
        '-c',
        '1',
        '-W',
        '3',
        '-I',
        clientInner,
        gatewayInner,
      ],
      10_000,
    );
    return result.status === 0;
  }

  /** Stops both daemons, deletes the namespaces (and with them the veth pair) and the folder. */
  async stop(): Promise<void> {
    await Promise.all([this.gateway.stop(), this.client.stop()]);
    for (const namespace of this.namespaces) {
      run('ip', ['netns', 'delete', namespace]);
    }
    rmSync(this.folder, { recursive: true, force: true });
  }
}
