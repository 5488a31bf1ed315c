/**
 * The "course" workload of `npm run bench`: a semester of lectures (by default 30 copies of the lecture,
 * each with its own title and date), so whole-site figures (build, rebuild after an edit, PDF of every
 * deck, dev server start) can be measured at the size a lecturer actually has.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const COURSE_LECTURES = 30;

/** A topic per lecture, so each title brings characters of its own (as a real course's would). */
const TOPICS = [
  '语言模型的历史',
  '词向量与分布式表示',
  '循环神经网络',
  '注意力机制',
  '变换器架构',
  '预训练与微调',
  '提示工程',
  '上下文学习',
  '思维链推理',
  '代码训练',
  '指令微调',
  '人类反馈强化学习',
  '对齐与安全',
  '评测基准',
  '检索增强生成',
  '工具使用与智能体',
  '多模态模型',
  '长文本建模',
  '高效推理与量化',
  '分布式训练',
  '数据清洗与配比',
  '缩放定律',
  '涌现能力',
  '知识编辑',
  '幻觉与事实性',
  '可解释性',
  '开源模型生态',
  '中文大模型',
  '应用案例分析',
  '课程总结与展望',
];

/** `count` lecture files keyed by slug (`lecture-01` …), each with its own title, date and order. */
export function courseDecks(lecture: string, count = COURSE_LECTURES): Record<string, string> {
  const decks: Record<string, string> = {};
  for (let i = 1; i <= count; i++) {
    const n = String(i).padStart(2, '0');
    const date = new Date(Date.UTC(2026, 2, 2) + (i - 1) * 7 * 86_400_000).toISOString().slice(0, 10);
    const title = `第 ${i} 讲 · ${TOPICS[(i - 1) % TOPICS.length]}`;
    const text = lecture
      .replace(/^title:.*$/m, `title: ${title}`)
      .replace(/^date:.*$/m, `date: ${date}`)
      .replace(/^# .*$/m, `# ${title}`);
    decks[`lecture-${n}`] = text;
  }
  return decks;
}

export function readLecture(repo: string, slug: string): string {
  return readFileSync(join(repo, 'slides', `${slug}.md`), 'utf8');
}
