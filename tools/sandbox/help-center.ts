/**
 * The brand's help center (FAQ) in the sandbox: topics and articles. Status codes as most sources
 * have them: 0 published, 1 draft, 4 internal.
 */

export interface Topic {
  slug: string;
  name: string;
}

export interface Article {
  slug: string;
  title: string;
  body: string;
  status: number;
  topicSlug: string | null;
  authorEmail: string;
  createdAt: number;
  updatedAt: number;
}

export class HelpCenter {
  readonly topics: Topic[] = [];
  readonly articles: Article[] = [];

  constructor(private readonly now: () => number) {}

  topic(slug: string): Topic | undefined {
    return this.topics.find((topic) => topic.slug === slug);
  }

  article(slug: string): Article | undefined {
    return this.articles.find((article) => article.slug === slug);
  }

  addTopic(topic: Topic): Topic {
    this.topics.push(topic);
    return topic;
  }

  /** Slugs are made from the title as Re:amaze does: lower case, words joined by `-`, unique. */
  addArticle(input: Omit<Article, 'slug' | 'createdAt' | 'updatedAt'> & { createdAt?: number }) {
    const base =
      input.title
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '') || 'article';
    let slug = base;
    for (let n = 2; this.article(slug); n += 1) slug = `${base}-${n}`;
    const at = input.createdAt ?? this.now();
    const article: Article = { ...input, slug, createdAt: at, updatedAt: at };
    this.articles.push(article);
    return article;
  }

  updateArticle(slug: string, changes: Partial<Pick<Article, 'title' | 'body'>>, at = this.now()) {
    const article = this.article(slug);
    if (!article) throw new Error(`no article ${slug}`);
    Object.assign(article, changes, { updatedAt: at });
    return article;
  }
}
