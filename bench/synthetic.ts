/**
 * Synthetic lecture decks for the benchmark: deterministic (seeded), Chinese text with English terms,
 * speaker notes on every slide, and a mix like a real lecture — a table every third slide, math, code,
 * fragments, and a Mermaid diagram every 10th slide.
 */

/** Common Chinese characters, most frequent first (duplicates are dropped). Sampling favours the front. */
const COMMON = [
  '的一是不了人我在有他这为之大来以个中上们到说国和地也子时道出而要于就下得可你年生自会那后能对着事其里所去行过家十用发天如然作方成者多日都三小',
  '军二无同么经法当起与好看学进种将还分此心前面又定见只主没公从知使性意并关样向问因由把理体实现加量两长政全展明情高物部点手动给被新已力平文少外相东',
  '题提条解制机系教表内数正反重变再路开各品合科位比等接论民社究感特务区队色利常结建员果领南北议决话传林真取风收信万达先集活象质更张统类通程农认须流',
  '组存采即据次速影支计放非导消任观千却权图维具单思省克型般原交白候转音料资极布院形治江志器族深证断易济级热步基值近验况查花王必完打备西八何报京九式',
  '土际求离养太书术马律精至直命青按周切设状管酸安调住层府效技联市线产识团越百德示今织较边例红往带华准争须装领史候群历准复写注备众根乐客际务选该',
  '语言模型推理训练数据代码指令微调能力思维链上下文参数规模预测输出输入评估任务样本概率生成知识世界逻辑步骤问答对齐人类反馈强化奖励策略优化梯度损失函',
  '序列注意编码解词向量嵌入层网络神经深度监督预测分布采集标记稀疏稠密检索增强工具调用智能体规划记忆泛化迁移零少示范涌现缩放定律计算资源成本效率',
].join('');
const POOL = [...new Set(COMMON)];

const TERMS = [
  'GPT-3',
  'Transformer',
  'token',
  'Chain-of-Thought',
  'RLHF',
  'in-context learning',
  'code-davinci-002',
  'BERT',
  'fine-tuning',
  'prompt',
  'few-shot',
  'benchmark',
];
const PUNCT = ['，', '，', '，', '、', '；', '：'];

/** mulberry32: small, fast, good enough for test data. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Text {
  constructor(readonly rnd: () => number) {}

  int(n: number): number {
    return Math.floor(this.rnd() * n);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }

  /** A character, skewed towards the frequent ones (like real text: small decks use fewer distinct characters). */
  char(): string {
    return POOL[Math.floor(POOL.length * this.rnd() ** 2.2)] ?? '的';
  }

  phrase(min: number, max: number): string {
    const n = min + this.int(max - min + 1);
    let s = '';
    for (let i = 0; i < n; i++) s += this.char();
    return s;
  }

  /** A sentence: Chinese phrases, sometimes an English term or **bold**, ending in 。 */
  sentence(): string {
    const parts: string[] = [];
    const n = 2 + this.int(3);
    for (let i = 0; i < n; i++) {
      const r = this.rnd();
      if (r < 0.15) parts.push(`${this.phrase(1, 3)} ${this.pick(TERMS)} ${this.phrase(1, 3)}`);
      else if (r < 0.25) parts.push(`**${this.phrase(2, 5)}**${this.phrase(2, 6)}`);
      else parts.push(this.phrase(4, 10));
    }
    return parts.map((p, i) => (i < parts.length - 1 ? p + this.pick(PUNCT) : `${p}。`)).join('');
  }

  heading(): string {
    return this.rnd() < 0.3 ? `${this.phrase(3, 6)}：${this.pick(TERMS)}` : this.phrase(4, 10);
  }
}

function table(t: Text): string {
  const rows = [`| ${t.phrase(2, 3)} | ${t.phrase(2, 4)} | ${t.phrase(2, 3)} |`, '| --- | --- | --- |'];
  for (let i = 0; i < 3; i++) rows.push(`| **${t.phrase(2, 4)}** | ${t.phrase(5, 10)} | ${t.int(1000)} ${t.phrase(1, 2)} |`);
  return rows.join('\n');
}

function math(t: Text): string {
  const n = 2 + t.int(30);
  const display = t.pick([
    `\\mathcal{L}(\\theta) = -\\sum_{t=1}^{${n}} \\log p_\\theta(x_t \\mid x_{<t})`,
    `\\operatorname{Attention}(Q,K,V) = \\operatorname{softmax}\\left(\\frac{QK^\\top}{\\sqrt{d_{${n}}}}\\right)V`,
    `p(y \\mid x) = \\prod_{i=1}^{${n}} p(y_i \\mid y_{<i}, x)`,
    `\\nabla_\\theta J = \\mathbb{E}_{\\tau}\\left[\\sum_{t=0}^{${n}} \\nabla_\\theta \\log \\pi_\\theta(a_t \\mid s_t) R_t\\right]`,
  ]);
  return `- ${t.phrase(4, 8)} $x_{${n}}$ ${t.phrase(3, 6)} $\\alpha = ${n / 10}$\n\n$$\n${display}\n$$`;
}

function code(t: Text): string {
  const n = 1 + t.int(99);
  return t.rnd() < 0.5
    ? `\`\`\`ts\n// ${t.phrase(4, 8)}\nexport function score(tokens: string[], k = ${n}): number {\n  const counts = new Map<string, number>();\n  for (const tok of tokens) counts.set(tok, (counts.get(tok) ?? 0) + 1);\n  return [...counts.values()].sort((a, b) => b - a).slice(0, k).reduce((s, c) => s + c, 0);\n}\n\`\`\``
    : `\`\`\`python\n# ${t.phrase(4, 8)}\ndef accuracy(preds, labels, top_k=${n}):\n    hits = sum(1 for p, y in zip(preds, labels) if y in p[:top_k])\n    return hits / max(len(labels), 1)\n\`\`\``;
}

function diagram(t: Text): string {
  const nodes = 4 + t.int(3);
  const lines = ['```mermaid', 'flowchart LR'];
  for (let i = 0; i < nodes; i++) lines.push(`  n${i}["${t.phrase(2, 5)}"]`);
  for (let i = 1; i < nodes; i++) lines.push(`  n${t.int(i)} --> n${i}`);
  lines.push('```');
  return lines.join('\n');
}

function slide(t: Text, index: number): string {
  const bullets = [0, 1, 2].map((i) => `- ${t.sentence()}${i > 0 && index % 2 === 0 ? ' <!-- .element: class="fragment" -->' : ''}`);
  const body = [`## ${t.heading()}`, bullets.join('\n')];
  if (index % 10 === 0) body.push(diagram(t));
  else if (index % 4 === 1) body.push(table(t));
  else if (index % 4 === 2) body.push(math(t));
  else if (index % 4 === 3) body.push(code(t));
  else body.push(`::: fragment\n\n> ${t.sentence()}\n\n:::`);
  body.push(`Note:\n${t.sentence()}\n${t.sentence()}\n${t.sentence()}`);
  return body.join('\n\n');
}

/**
 * A deck of `slides` slides (the title slide included): diagrams on slides 10, 20, …, so the first
 * slides have none (a first visit must not download Mermaid).
 */
export function syntheticDeck(slides: number, seed = 42): string {
  const t = new Text(random(seed));
  const front = `---\ntitle: 合成讲义 ${slides} 页\nauthor: Lectern bench\ndate: 2026-01-01\nlang: zh-CN\nduration: 45min\n---\n\n`;
  const parts = [`<!-- .slide: class="title" -->\n\n# 合成讲义：${t.phrase(4, 8)}\n\n${t.sentence()}\n\nNote:\n${t.sentence()}`];
  for (let i = 1; i < slides; i++) parts.push(slide(t, i));
  return `${front}${parts.join('\n\n---\n\n')}\n`;
}
