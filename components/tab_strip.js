// The strip of the file's tabs (components/file_progress.py `tab_strip`) as ONE element: the tabs are data, the
// template is fixed; texts are shown by Vue's {{ }} (escaped) and addresses bound to attributes.
export default {
  template: `
    <nav class="w-full" :aria-label="label">
      <div class="row gap-2">
        <a v-for="tab in tabs" :key="tab.path" :href="tab.path" :aria-current="tab.current ? 'page' : undefined"
           class="no-underline rounded-full px-3 py-1 border text-body2 whitespace-nowrap"
           :class="tab.current ? 'bg-primary text-white border-primary' : 'bg-white text-grey-10 border-grey-5'">
          <span class="row items-center gap-1 no-wrap">
            <q-icon :name="tab.badge.icon" size="xs" aria-hidden="true" :class="tab.current ? '' : tab.badge.colour" />
            <span>{{ tab.label }}</span>
            <span class="sr-only">{{ tab.badge_text }}</span>
          </span>
        </a>
      </div>
    </nav>
  `,
  props: {
    label: String,
    tabs: Array,
  },
};
