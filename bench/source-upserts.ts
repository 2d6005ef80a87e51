// Source API throughput: single upserts one after another (latency) and batches of 1000 (items/s).
import { percentile, startHubOn, type Backend } from './fixture.ts';

export async function sourceUpserts(backend: Backend, postgresUrl?: string) {
  const t = await startHubOn(backend, postgresUrl);
  try {
    await t.source.put('/api/v1/source/partners/bench-p', { name: 'Bench', kind: 'direct_reseller' });
    const singles: number[] = [];
    for (let i = 0; i < 300; i++) {
      const start = performance.now();
      const res = await t.source.put(`/api/v1/source/organizations/single-${i}`, {
        name: `Single ${i}`,
        partnerExternalId: 'bench-p',
      });
      if (res.status !== 201) throw new Error(res.text);
      singles.push(performance.now() - start);
    }
    singles.sort((a, b) => a - b);
    const batches = 5;
    const start = performance.now();
    for (let b = 0; b < batches; b++) {
      const res = await t.source.post('/api/v1/source/organizations/batch', {
        items: Array.from({ length: 1000 }, (_, i) => ({
          externalId: `batch-${b}-${i}`,
          name: `Batch ${b} ${i}`,
          partnerExternalId: 'bench-p',
          domains: [`b${b}i${i}.example.com`],
        })),
      });
      if (res.body.counts.created !== 1000) throw new Error(res.text.slice(0, 500));
    }
    const seconds = (performance.now() - start) / 1000;
    return {
      backend,
      rows: [
        { backend, measure: 'PUT organization p50 (ms)', value: +percentile(singles, 0.5).toFixed(2) },
        { backend, measure: 'PUT organization p99 (ms)', value: +percentile(singles, 0.99).toFixed(2) },
        { backend, measure: 'batch upsert (organizations/s)', value: Math.round((batches * 1000) / seconds) },
      ],
    };
  } finally {
    await t.stop();
  }
}
